package dev.hookgen.examples.receiver;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads one request body, at most {@code limit} bytes of it, within a deadline, without holding a thread while
 * the bytes are on their way: Jetty calls {@link #run()} back when more has arrived ({@link Content.Source}
 * demand). A client sending its body a byte at a time therefore costs a connection and a buffer, not a thread.
 *
 * <p>Ends with exactly one call of the {@link Listener}: {@link Listener#onBody} with the bytes (all of them, or
 * the first {@code limit} when there are more: the reader stops there), or {@link Listener#onFailure} with a
 * {@link TimeoutException} when the deadline passed (or Jetty's idle timeout did) or with the failure that
 * broke the read (the client went away). Trailers of a chunked body end the body like its last chunk.
 */
final class BodyReader implements Runnable {

    /** What becomes of the body. */
    interface Listener {

        /** The body, or its first {@code limit} bytes when it is longer. */
        void onBody(byte[] body);

        /** The body did not arrive in time ({@link TimeoutException}) or could not be read. */
        void onFailure(Throwable failure);
    }

    private enum State { READING, DONE, TIMED_OUT }

    private final Request request;

    private final int limit;

    private final Duration timeout;

    private final Listener listener;

    private final AtomicReference<State> state = new AtomicReference<>(State.READING);

    private Scheduler.Task deadline;

    private byte[] buffer;

    private int size;

    private BodyReader(Request request, int limit, Duration timeout, Listener listener) {
        this.request = request;
        this.limit = limit;
        this.timeout = timeout;
        this.listener = listener;
        long length = request.getLength();
        this.buffer = new byte[length >= 0 && length <= limit ? (int) length : Math.min(limit, 8 * 1024)];
    }

    /**
     * Starts reading; {@code listener} is called on this thread when the body is there already, else on the
     * thread that brings its last bytes (a Jetty worker, where blocking is allowed) or that fails it.
     */
    static void read(Request request, int limit, Duration timeout, Scheduler scheduler, Listener listener) {
        BodyReader reader = new BodyReader(request, limit, timeout, listener);
        reader.deadline = scheduler.schedule(reader::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        reader.run();
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                finish(null, chunk.getFailure());
                return;
            }
            boolean full = append(chunk.getByteBuffer());
            boolean last = chunk.isLast();
            chunk.release();
            if (full || last) {
                finish(Arrays.copyOf(buffer, size), null);
                return;
            }
        }
    }

    /** Copies what fits under the limit; true once the limit is reached. */
    private boolean append(ByteBuffer bytes) {
        int take = Math.min(bytes.remaining(), limit - size);
        if (size + take > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(size + (long) take, 2L * buffer.length)));
        }
        bytes.get(buffer, size, take);
        size += take;
        return size >= limit;
    }

    /** The deadline passed: fail the read, which wakes a pending demand; {@link #run} then reports the timeout. */
    private void expire() {
        if (state.compareAndSet(State.READING, State.TIMED_OUT)) {
            request.fail(new TimeoutException("the body did not arrive within " + timeout.toMillis() + " ms"));
        }
    }

    private void finish(byte[] body, Throwable failure) {
        deadline.cancel();
        if (!state.compareAndSet(State.READING, State.DONE)) {
            // the deadline won the race: whatever this read brought, the request has been failed
            listener.onFailure(new TimeoutException("the body did not arrive within " + timeout.toMillis() + " ms"));
        } else if (failure != null) {
            listener.onFailure(failure);
        } else {
            listener.onBody(body);
        }
    }
}
