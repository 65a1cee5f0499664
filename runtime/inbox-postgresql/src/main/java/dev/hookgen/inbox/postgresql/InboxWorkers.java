package dev.hookgen.inbox.postgresql;

import dev.hookgen.runtime.Event;
import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.UntypedEvent;
import dev.hookgen.runtime.WebhookParseException;
import dev.hookgen.runtime.receiver.EventHandler;
import dev.hookgen.runtime.receiver.Logfmt;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The threads of one process that take rows out of a {@link PostgresInbox} and hand them to the application's handler.
 * Every instance of the service runs its own; they share the work through the table.
 *
 * <p>Each worker claims due rows ({@code FOR UPDATE SKIP LOCKED}, so that no two workers anywhere take the same row),
 * leasing them for {@link InboxSettings#lease()}. For each row it parses the body with the catalog as it is now and
 * calls the handler:
 * <ul>
 * <li>the handler returns: the row is done;</li>
 * <li>it throws: the row is pending again after {@link InboxSettings#backoff()}, or dead (kept, with the error) once
 *     it has had {@link InboxSettings#maxAttempts()} attempts;</li>
 * <li>the body no longer fits the schemas (rows written by a newer version of the service, say): the row is dead at
 *     once, with the reason; {@link PostgresInbox#replay} re-drives it after an upgrade.</li>
 * </ul>
 * A worker that dies holds its rows until the lease ends; then any worker claims them again (that attempt counts).
 * Delivery to the handler is therefore at least once: an event is handled twice only when a worker died, or outlived
 * its lease, while handling it. A worker never starts a row once half of its lease has passed; it gives it back.
 *
 * <p>Logs through {@link System.Logger}: a retry at INFO, a dead row at WARNING, each with the row's id, its trigger and
 * the error, the values from the request escaped by {@link Logfmt} so that none can forge a line; the stack trace of a
 * handler's last failure, whose messages are not escaped, at DEBUG only.
 *
 * <p>{@link #close} stops gracefully: no more claims, the event being handled finishes, and the rows claimed but not
 * started go back to the table at once, for the other instances.
 *
 * @param <E> the catalog's event type
 */
public final class InboxWorkers<E extends Event> implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(InboxWorkers.class.getName());

    private final PostgresInbox inbox;

    private final InboxTable table;

    private final EventReader<E> reader;

    private final EventHandler<? super E> handler;

    private final InboxSettings settings;

    private final String instanceId;

    private final Semaphore wakeUps = new Semaphore(0);

    private final Runnable wakeUp = wakeUps::release;

    private final List<Thread> threads = new ArrayList<>();

    private Thread cleanup;

    private volatile boolean running;

    InboxWorkers(PostgresInbox inbox, InboxTable table, EventReader<E> reader, EventHandler<? super E> handler, InboxSettings settings) {
        this.inbox = inbox;
        this.table = table;
        this.reader = Objects.requireNonNull(reader, "reader");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.instanceId = ProcessHandle.current().pid() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /**
     * This process's name in {@code lease_owner}: {@code <pid>-<random>}, and {@code /<n>} per worker thread.
     */
    public String instanceId() {
        return instanceId;
    }

    /**
     * Starts the worker threads and the cleanup of expired rows. Can start again after {@link #close}, as a Spring
     * application context restarts its beans (its test context cache stops the contexts it keeps aside).
     *
     * @throws IllegalStateException when the workers run, or the threads of the last run are still stopping
     */
    public synchronized void start() {
        if (running) {
            throw new IllegalStateException("already running");
        }
        if (threads.stream().anyMatch(Thread::isAlive)) {
            throw new IllegalStateException("the workers of the last run are still stopping");
        }
        threads.clear();
        wakeUps.drainPermits();
        running = true;
        inbox.whenAdded(wakeUp);
        for (int i = 1; i <= settings.workers(); i++) {
            String owner = instanceId + "/" + i;
            threads.add(new Thread(() -> work(owner), "hookgen-inbox-" + i));
        }
        cleanup = new Thread(this::cleanUp, "hookgen-inbox-cleanup");
        threads.add(cleanup);
        threads.forEach(Thread::start);
    }

    /** Whether the workers run: started and not closed. */
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops: no more claims; each worker finishes the event in its hands and gives back the rows it claimed but did
     * not start. Waits up to {@code timeout}, then interrupts the handlers still running (their rows are claimed
     * again once their lease ends).
     *
     * @return whether every worker stopped within the timeout
     */
    public boolean close(Duration timeout) throws InterruptedException {
        List<Thread> stopping;
        synchronized (this) {
            if (!running) {
                return true;
            }
            running = false;
            stopping = List.copyOf(threads);
            cleanup.interrupt(); // it only sleeps; the workers are woken below and finish the event in their hands
        }
        inbox.removeListener(wakeUp);
        wakeUps.release(stopping.size());
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean stopped = true;
        for (Thread thread : stopping) {
            long left = deadline - System.nanoTime();
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            if (thread.isAlive()) {
                thread.interrupt();
                stopped = false;
            }
        }
        return stopped;
    }

    /** {@link #close(Duration)} with 30 seconds; an interrupt ends the wait and is kept. */
    @Override
    public void close() {
        try {
            close(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work(String owner) {
        long leaseNanos = settings.lease().toNanos();
        while (running) {
            wakeUps.drainPermits();
            List<InboxRow> rows;
            try {
                rows = table.claim(owner, settings.batchSize(), settings.lease());
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "hookgen inbox: cannot claim rows; trying again in " + settings.pollInterval().toMillis() + " ms", e);
                pause();
                continue;
            }
            if (rows.isEmpty()) {
                pause();
                continue;
            }
            long claimed = System.nanoTime();
            for (int i = 0; i < rows.size(); i++) {
                if (!running || System.nanoTime() - claimed > leaseNanos / 2) {
                    giveBack(rows.subList(i, rows.size()), owner);
                    break;
                }
                handle(rows.get(i), owner);
            }
        }
    }

    /** Waits for a row stored by this process, or the poll interval. */
    private void pause() {
        try {
            wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // close() interrupts; the loop checks running
        }
    }

    private void handle(InboxRow row, String owner) {
        E event;
        try {
            event = reader.parse(row.body());
        } catch (WebhookParseException e) {
            String reason = e.isSchemaDrift() ? PostgresInbox.driftReason(e) : e.getMessage();
            LOG.log(Level.WARNING, "hookgen inbox: row " + row.id() + " is dead, its body no longer parses: trigger="
                    + Logfmt.value(row.trigger(), Logfmt.MAX_TRIGGER_CHARS) + " reason=" + Logfmt.value(reason, Logfmt.MAX_ERROR_CHARS));
            mark(row, () -> table.dead(row, owner, reason));
            return;
        }
        Throwable failure = null;
        try {
            handler.handle(event);
        } catch (Throwable e) { // anything, so that the thread lives on and the row's attempt is recorded
            failure = e;
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure == null) {
            boolean untyped = event instanceof UntypedEvent;
            mark(row, () -> table.done(row, owner, untyped));
        } else if (row.attempts() >= settings.maxAttempts()) {
            String error = describe(failure);
            LOG.log(Level.WARNING, "hookgen inbox: row " + row.id() + " is dead after " + row.attempts() + " attempts: trigger="
                    + Logfmt.value(row.trigger(), Logfmt.MAX_TRIGGER_CHARS) + " error=" + Logfmt.value(error, Logfmt.MAX_ERROR_CHARS));
            LOG.log(Level.DEBUG, "hookgen inbox: row " + row.id() + ": the last failure", failure);
            mark(row, () -> table.dead(row, owner, error));
        } else {
            Duration delay = settings.backoff().delay(row.attempts());
            String error = describe(failure);
            LOG.log(Level.INFO, "hookgen inbox: row " + row.id() + " failed attempt " + row.attempts() + "; next in "
                    + delay.toMillis() + " ms: trigger=" + Logfmt.value(row.trigger(), Logfmt.MAX_TRIGGER_CHARS)
                    + " error=" + Logfmt.value(error, Logfmt.MAX_ERROR_CHARS));
            mark(row, () -> table.retry(row, owner, delay, error));
        }
        if (failure instanceof Error error && !(failure instanceof LinkageError) && !(failure instanceof AssertionError)) {
            throw error; // an OutOfMemoryError or the like: recorded, but this thread does not pretend to be well
        }
    }

    /** Records a row's outcome; a failure here leaves the row leased, to be claimed again once the lease ends. */
    private void mark(InboxRow row, Update update) {
        try {
            if (!update.run()) {
                LOG.log(Level.WARNING, "hookgen inbox: row " + row.id() + " was claimed again by another worker "
                        + "(its lease of " + settings.lease().toMillis() + " ms ran out while it was handled): it may be handled twice");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "hookgen inbox: cannot record the outcome of row " + row.id()
                    + "; it is handled again once its lease ends", e);
        }
    }

    private void giveBack(List<InboxRow> rows, String owner) {
        try {
            table.release(rows, owner);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "hookgen inbox: cannot give back " + rows.size() + " claimed rows; they are claimed again once their lease ends", e);
        }
    }

    private void cleanUp() {
        while (running) {
            try {
                int deleted = inbox.deleteExpired(settings.retention(), settings.unknownRetention());
                if (deleted > 0) {
                    LOG.log(Level.DEBUG, "hookgen inbox: deleted " + deleted + " rows past their retention");
                }
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "hookgen inbox: cannot delete rows past their retention", e);
            }
            try {
                Thread.sleep(settings.cleanupInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The error for {@code last_error}: each exception of the cause chain, class and message. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable e = failure; e != null && text.length() < InboxTable.MAX_ERROR_LENGTH; e = e.getCause()) {
            if (e != failure) {
                text.append("; caused by ");
            }
            text.append(e.getClass().getName());
            if (e.getMessage() != null) {
                text.append(": ").append(e.getMessage());
            }
            if (e.getCause() == e) {
                break;
            }
        }
        return text.toString();
    }

    @FunctionalInterface
    private interface Update {
        boolean run() throws SQLException;
    }
}
