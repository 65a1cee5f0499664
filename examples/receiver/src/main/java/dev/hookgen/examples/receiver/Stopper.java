package dev.hookgen.examples.receiver;

import dev.hookgen.runtime.receiver.DriftCounts;
import dev.hookgen.runtime.receiver.Logfmt;
import dev.hookgen.runtime.receiver.WebhookReceiver;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops the receiver once, whoever asks first (the SIGTERM handler, the shutdown hook): the server, gracefully,
 * then the inbox's workers if there is an inbox, then the events file, forced to disk and closed; then it reports the tolerated schema drift it counted. Every
 * caller returns only when the stop is complete, so the JVM never exits with the file half closed.
 */
final class Stopper {

    private final HttpReceiverServer server;

    private final InboxMode inbox;

    private final JsonLinesHandler handler;

    private final WebhookReceiver<?> receiver;

    private final PrintWriter out;

    private final PrintWriter err;

    private final AtomicBoolean started = new AtomicBoolean();

    private final CountDownLatch done = new CountDownLatch(1);

    private volatile boolean clean;

    /** @param inbox the PostgreSQL inbox whose workers write the events file, or null */
    Stopper(HttpReceiverServer server, InboxMode inbox, JsonLinesHandler handler, WebhookReceiver<?> receiver, PrintWriter out,
            PrintWriter err) {
        this.server = server;
        this.inbox = inbox;
        this.handler = handler;
        this.receiver = receiver;
        this.out = out;
        this.err = err;
    }

    /** Stops, or waits for the stop another thread began. */
    void stop() {
        if (!started.compareAndSet(false, true)) {
            awaitQuietly();
            return;
        }
        try {
            out.println("receiver: stopping; finishing the requests in flight");
            server.close();
            if (inbox != null) {
                inbox.close(); // the workers finish their event before the events file closes
            }
            boolean fileClosed = closeQuietly(handler, err);
            clean = server.stoppedCleanly() && fileClosed;
            if (!server.stoppedCleanly()) {
                err.println("receiver: requests still in flight after the grace period were cut off; CometChat retries them");
            }
            receiver.driftCounts().forEach((place, count) -> out.println("receiver: tolerated schema drift at "
                    + Logfmt.value(place, DriftCounts.MAX_PATH_LENGTH) + " count=" + count));
            out.println("receiver: stopped");
            out.flush();
        } finally {
            done.countDown();
        }
    }

    /** Blocks until a stop has completed; whether it was clean (every request finished, the file closed). */
    boolean awaitStopped() throws InterruptedException {
        done.await();
        return clean;
    }

    /** Closes the events file; false, after saying why on {@code err}, when that failed. */
    static boolean closeQuietly(JsonLinesHandler handler, PrintWriter err) {
        try {
            handler.close();
            return true;
        } catch (IOException e) {
            err.println("receiver: cannot close the events file " + handler.file() + ": " + e);
            return false;
        }
    }

    private void awaitQuietly() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
