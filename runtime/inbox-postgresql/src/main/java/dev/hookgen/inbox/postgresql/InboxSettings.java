package dev.hookgen.inbox.postgresql;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link InboxWorkers} of one process take rows out of the inbox, and how long handled rows are kept.
 *
 * @param workers worker threads in this process (default 4); every instance of the service runs its own
 * @param batchSize rows a worker claims at once (default 10)
 * @param pollInterval how long an idle worker waits before looking again for due rows (default 500 ms); rows stored
 *     by this process wake a worker at once, so this bounds the delay for rows of other instances and for retries
 * @param lease how long a claimed row belongs to its worker (default 1 minute); a worker that dies leaves its rows
 *     to be claimed again after this, so it must be longer than the slowest handler call
 * @param maxAttempts attempts before a failing row is dead (default 10); a crash while handling counts as one
 * @param backoff the wait between attempts
 * @param retention how long done rows are kept (default 7 days); they are what recognises a late retry, so keep it
 *     well beyond CometChat's retries (10 and 30 seconds)
 * @param unknownRetention how long done rows of unknown triggers are kept (default 30 days): replay turns them into
 *     typed events once their schema lands
 * @param cleanupInterval how often this process deletes rows past their retention (default 1 minute)
 */
public record InboxSettings(int workers, int batchSize, Duration pollInterval, Duration lease, int maxAttempts, Backoff backoff,
        Duration retention, Duration unknownRetention, Duration cleanupInterval) {

    /** @throws IllegalArgumentException naming the first setting out of range */
    public InboxSettings {
        atLeastOne("workers", workers);
        atLeastOne("batchSize", batchSize);
        atLeastOne("maxAttempts", maxAttempts);
        positive("pollInterval", pollInterval);
        positive("lease", lease);
        Objects.requireNonNull(backoff, "backoff");
        positive("retention", retention);
        positive("unknownRetention", unknownRetention);
        positive("cleanupInterval", cleanupInterval);
    }

    /** The defaults listed above. */
    public static InboxSettings defaults() {
        return new InboxSettings(4, 10, Duration.ofMillis(500), Duration.ofMinutes(1), 10, Backoff.defaults(),
                Duration.ofDays(7), Duration.ofDays(30), Duration.ofMinutes(1));
    }

    public InboxSettings withWorkers(int workers) {
        return new InboxSettings(workers, batchSize, pollInterval, lease, maxAttempts, backoff, retention, unknownRetention, cleanupInterval);
    }

    public InboxSettings withBatchSize(int batchSize) {
        return new InboxSettings(workers, batchSize, pollInterval, lease, maxAttempts, backoff, retention, unknownRetention, cleanupInterval);
    }

    public InboxSettings withPollInterval(Duration pollInterval) {
        return new InboxSettings(workers, batchSize, pollInterval, lease, maxAttempts, backoff, retention, unknownRetention, cleanupInterval);
    }

    public InboxSettings withLease(Duration lease) {
        return new InboxSettings(workers, batchSize, pollInterval, lease, maxAttempts, backoff, retention, unknownRetention, cleanupInterval);
    }

    public InboxSettings withMaxAttempts(int maxAttempts) {
        return new InboxSettings(workers, batchSize, pollInterval, lease, maxAttempts, backoff, retention, unknownRetention, cleanupInterval);
    }

    public InboxSettings withBackoff(Backoff backoff) {
        return new InboxSettings(workers, batchSize, pollInterval, lease, maxAttempts, backoff, retention, unknownRetention, cleanupInterval);
    }

    public InboxSettings withRetention(Duration retention) {
        return new InboxSettings(workers, batchSize, pollInterval, lease, maxAttempts, backoff, retention, unknownRetention, cleanupInterval);
    }

    public InboxSettings withUnknownRetention(Duration unknownRetention) {
        return new InboxSettings(workers, batchSize, pollInterval, lease, maxAttempts, backoff, retention, unknownRetention, cleanupInterval);
    }

    public InboxSettings withCleanupInterval(Duration cleanupInterval) {
        return new InboxSettings(workers, batchSize, pollInterval, lease, maxAttempts, backoff, retention, unknownRetention, cleanupInterval);
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
