package dev.hookgen.examples.receiver;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.EventsHandler;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose request line and headers take longer than the header timeout to arrive (what Go's
 * {@code http.Server} calls {@code ReadHeaderTimeout}): counted from the connection's opening, or, on a kept-alive
 * connection, from the first byte after the previous answer. Jetty parses headers without holding a thread, but
 * has no such deadline of its own: its idle timeout restarts with every byte, so a client sending a byte every
 * few seconds would keep its connection (one of {@link ServerLimits#maxConnections()}) for hours.
 *
 * <p>It is both a {@link Connection.Listener} (added to the connector: it sees every connection open and close)
 * and a handler wrapper (it sees where each request begins and ends). A sweep on Jetty's scheduler checks the
 * connections waiting for a request head every tenth of the timeout (at most every 50 ms).
 */
final class HeaderTimeout extends EventsHandler implements Connection.Listener {

    /** {@link Watch#waitingSince} of a connection that is not waiting for a request head. */
    private static final long NOT_WAITING = Long.MIN_VALUE;

    private final long timeoutNanos;

    private final long sweepMillis;

    private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();

    private volatile Scheduler scheduler;

    HeaderTimeout(Duration timeout, Handler handler) {
        super(handler);
        this.timeoutNanos = timeout.toNanos();
        this.sweepMillis = Math.max(50, timeout.toMillis() / 10);
    }

    /** One connection: is it in a request, and since when has it been waiting for a request head? */
    private static final class Watch {
        /** Set while a request is being handled. */
        volatile boolean inRequest;
        /** The connection's bytes in when its last answer was complete. */
        volatile long bytesAfterAnswer;
        /** {@link System#nanoTime()} when the wait for the current request head began, or {@link #NOT_WAITING}. */
        volatile long waitingSince;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        scheduler = getServer().getScheduler();
        scheduleSweep();
    }

    @Override
    public void onOpened(Connection connection) {
        Watch watch = new Watch();
        watch.waitingSince = System.nanoTime();
        watches.put(connection, watch);
    }

    @Override
    public void onClosed(Connection connection) {
        watches.remove(connection);
    }

    @Override
    protected void onBeforeHandling(Request request) {
        Watch watch = watches.get(request.getConnectionMetaData().getConnection());
        if (watch != null) {
            watch.inRequest = true;
        }
    }

    @Override
    protected void onComplete(Request request, int status, HttpFields headers, Throwable failure) {
        Connection connection = request.getConnectionMetaData().getConnection();
        Watch watch = watches.get(connection);
        if (watch != null) {
            watch.bytesAfterAnswer = connection.getBytesIn();
            watch.waitingSince = NOT_WAITING;
            watch.inRequest = false;
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Map.Entry<Connection, Watch> entry : watches.entrySet()) {
            Connection connection = entry.getKey();
            Watch watch = entry.getValue();
            if (watch.inRequest) {
                continue;
            }
            long since = watch.waitingSince;
            if (since == NOT_WAITING) {
                if (connection.getBytesIn() > watch.bytesAfterAnswer) {
                    watch.waitingSince = now; // the next request has begun
                }
            } else if (now - since > timeoutNanos) {
                watches.remove(connection);
                connection.getEndPoint().close();
            }
        }
        scheduleSweep();
    }

    private void scheduleSweep() {
        if (isRunning() || isStarting()) {
            try {
                scheduler.schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // the server is stopping: so are its connections
            }
        }
    }
}
