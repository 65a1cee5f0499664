package dev.hookgen.spring.boot;

import dev.hookgen.inbox.postgresql.Backoff;
import dev.hookgen.inbox.postgresql.InboxSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hookgen.inbox.*}: the PostgreSQL inbox of {@code hookgen.receiver.mode=inbox}. The defaults are
 * {@link InboxSettings#defaults()} (a test holds them equal), written out so that IDEs show them.
 */
@ConfigurationProperties("hookgen.inbox")
public class HookgenInboxProperties {

    /**
     * Whether to create the table hookgen_inbox and its indexes at start when they do not exist (the shipped script
     * db/hookgen/postgresql/V1__hookgen_inbox.sql). Leave it off when Flyway or Liquibase runs that script.
     */
    private boolean initializeSchema = false;

    /** Worker threads in this instance that hand stored events to the handlers. */
    private int workers = 4;

    /** Rows a worker claims at once. */
    private int batchSize = 10;

    /** How long an idle worker waits before looking for due rows again (rows stored by this instance wake it at once). */
    private Duration pollInterval = Duration.ofMillis(500);

    /** How long a claimed row belongs to its worker; longer than the slowest handler call. A crashed worker's rows are claimed again after it. */
    private Duration lease = Duration.ofMinutes(1);

    /** Attempts before a failing event's row is dead (kept, and replayable). */
    private int maxAttempts = 10;

    /** The wait between attempts: exponential backoff. */
    private final BackoffProperties backoff = new BackoffProperties();

    /** How long handled rows are kept; they recognise late repeats of a delivery. */
    private Duration retention = Duration.ofDays(7);

    /** How long handled rows of unknown triggers are kept, for replay once their schema lands. */
    private Duration unknownRetention = Duration.ofDays(30);

    /** The inbox's worker settings these properties describe. */
    public InboxSettings toSettings() {
        return new InboxSettings(workers, batchSize, pollInterval, lease, maxAttempts,
                new Backoff(backoff.getInitial(), backoff.getMultiplier(), backoff.getMax()), retention, unknownRetention,
                InboxSettings.defaults().cleanupInterval());
    }

    public boolean isInitializeSchema() {
        return initializeSchema;
    }

    public void setInitializeSchema(boolean initializeSchema) {
        this.initializeSchema = initializeSchema;
    }

    public int getWorkers() {
        return workers;
    }

    public void setWorkers(int workers) {
        this.workers = workers;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public BackoffProperties getBackoff() {
        return backoff;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public Duration getUnknownRetention() {
        return unknownRetention;
    }

    public void setUnknownRetention(Duration unknownRetention) {
        this.unknownRetention = unknownRetention;
    }

    /** {@code hookgen.inbox.backoff.*}. */
    public static class BackoffProperties {

        /** The wait after the first failed attempt. */
        private Duration initial = Duration.ofSeconds(1);

        /** How much longer each next wait is. */
        private double multiplier = 2;

        /** The longest wait. */
        private Duration max = Duration.ofMinutes(10);

        public Duration getInitial() {
            return initial;
        }

        public void setInitial(Duration initial) {
            this.initial = initial;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMax() {
            return max;
        }

        public void setMax(Duration max) {
            this.max = max;
        }
    }
}
