package dev.hookgen.runtime.receiver;

import dev.hookgen.runtime.Event;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Moves slow work off the request thread: {@link #handle} only puts the event on a bounded queue,
 * and worker threads run the slow work (calls to other services, database writes, notifications)
 * afterwards. CometChat wants an answer within about 2 seconds; this keeps the answer fast
 * whatever the work costs.
 *
 * <p>Chain it after the durable step, so that the event is safe before the 200 and the queue only
 * holds work that can be redone:
 * <pre>{@code
 * QueuedHandler<WebhookEvent> slow = new QueuedHandler<>(event -> crm.update(event), 1_000, 2, failure::log);
 * EventHandler<WebhookEvent> handler = event -> { events.handle(event); slow.handle(event); };
 * }</pre>
 * When the queue is full, {@link #handle} throws, the delivery is answered 500 and CometChat
 * retries it 10 and 30 seconds later: back-pressure instead of unbounded memory. Work that fails,
 * or that is still queued when the process is killed hard, is not lost: the event is in the events
 * file, from which it can be replayed.
 *
 * <p>{@link #close} stops taking events, finishes the queued work (up to a timeout) and stops the workers.
 *
 * @param <E> the catalog's event type
 */
public final class QueuedHandler<E extends Event> implements EventHandler<E>, AutoCloseable {

    private final ThreadPoolExecutor workers;

    private final EventHandler<? super E> work;

    private final Consumer<Exception> onFailure;

    /**
     * @param work the slow work, run on a worker thread
     * @param capacity how many events may wait
     * @param threads how many workers run the work at once
     * @param onFailure told about work that threw (log it; the event is in the events file)
     */
    public QueuedHandler(EventHandler<? super E> work, int capacity, int threads, Consumer<Exception> onFailure) {
        this.work = Objects.requireNonNull(work, "work");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                task -> {
                    Thread thread = new Thread(task, "hookgen-worker-" + count.incrementAndGet());
                    thread.setDaemon(false);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** Queues the event; returns at once. */
    @Override
    public void handle(E event) {
        try {
            workers.execute(() -> run(event));
        } catch (RejectedExecutionException e) {
            throw new RejectedExecutionException(workers.isShutdown() ? "the work queue is closed"
                    : "the work queue is full (" + workers.getQueue().size() + " waiting)", e);
        }
    }

    /** How many events wait for a worker now. */
    public int queued() {
        return workers.getQueue().size();
    }

    /**
     * Stops taking events and waits up to {@code timeoutMillis} for the queued work to finish.
     *
     * @return whether everything finished in time
     */
    public boolean close(long timeoutMillis) throws InterruptedException {
        workers.shutdown();
        return workers.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** {@link #close(long)} with 30 seconds; an interrupt ends the wait and is kept. */
    @Override
    public void close() {
        try {
            close(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(E event) {
        try {
            work.handle(event);
        } catch (Exception e) {
            onFailure.accept(e);
        }
    }
}
