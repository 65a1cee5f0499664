package dev.hookgen.spring.boot;

import dev.hookgen.inbox.postgresql.InboxWorkers;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the inbox's workers with the application context: started once the context is refreshed, stopped gracefully
 * when it closes (each worker finishes the event in hand and gives back the rows it did not start), before the
 * DataSource is closed.
 */
final class InboxWorkersLifecycle implements SmartLifecycle {

    private final InboxWorkers<?> workers;

    private final Duration timeout;

    private final int phase;

    InboxWorkersLifecycle(InboxWorkers<?> workers, Duration timeout, int phase) {
        this.workers = workers;
        this.timeout = timeout;
        this.phase = phase;
    }

    /** Below the web server's phases: started before it takes requests, stopped after it stopped taking them. */
    @Override
    public int getPhase() {
        return phase;
    }

    InboxWorkers<?> workers() {
        return workers;
    }

    @Override
    public void start() {
        workers.start();
    }

    @Override
    public void stop() {
        try {
            workers.close(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return workers.isRunning();
    }
}
