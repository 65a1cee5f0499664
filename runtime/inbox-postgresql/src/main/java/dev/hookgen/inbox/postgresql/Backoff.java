package dev.hookgen.inbox.postgresql;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a row waits after a failed attempt: {@code initial} after the first failure, then {@code multiplier} times
 * longer after each further one, never more than {@code max} (exponential backoff, as Spring Retry's
 * {@code ExponentialBackOffPolicy} counts it).
 *
 * @param initial the wait after the first failure (default 1 second)
 * @param multiplier how much longer each next wait is (default 2)
 * @param max the longest wait (default 10 minutes)
 */
public record Backoff(Duration initial, double multiplier, Duration max) {

    /** @throws IllegalArgumentException for a negative or zero wait, a multiplier below 1, or {@code max < initial} */
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("the initial backoff must be positive, not " + initial);
        }
        if (!(multiplier >= 1)) {
            throw new IllegalArgumentException("the backoff multiplier must be at least 1, not " + multiplier);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the maximum backoff (" + max + ") is shorter than the initial one (" + initial + ")");
        }
    }

    /** 1 second, doubling, at most 10 minutes. */
    public static Backoff defaults() {
        return new Backoff(Duration.ofSeconds(1), 2, Duration.ofMinutes(10));
    }

    /**
     * The wait after the given failed attempt.
     *
     * @param failedAttempts how many attempts have failed so far, at least 1
     */
    public Duration delay(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, not " + failedAttempts);
        }
        double millis = initial.toMillis() * Math.pow(multiplier, failedAttempts - 1);
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
