package dev.hookgen.examples.receiver;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of the server one client can hold, and for how long: the limits that keep slow or idle
 * clients from starving CometChat's deliveries. {@link #defaults()} are the command's defaults.
 *
 * @param threads the most requests handled at once (Jetty's worker threads, besides its own acceptor and
 *     selector); reading bodies and waiting for headers take no thread
 * @param maxConnections the most open connections; past it, new connections wait in the operating system's
 *     accept queue until one closes (Jetty's {@code NetworkConnectionLimit})
 * @param headerTimeout how long a request's line and headers may take to arrive, from the connection's opening
 *     or from the first byte after the previous answer; then the connection is closed unanswered
 * @param bodyTimeout how long the body may take to arrive once the headers are in; then the answer is
 *     408 and the connection is closed
 * @param idleTimeout how long a connection may stay silent (Jetty's idle timeout), between requests on a
 *     kept-alive connection as well as while a body or an answer is on its way
 * @param gracePeriod on stop, how long the requests in flight may take to finish
 */
public record ServerLimits(int threads, int maxConnections, Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout,
        Duration gracePeriod) {

    /** The largest request line and headers accepted, in bytes (Jetty's default); larger ones get 431. */
    public static final int MAX_REQUEST_HEAD_BYTES = 8 * 1024;

    public ServerLimits {
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        if (threads < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("threads and maxConnections must be at least 1");
        }
        if (isNotPositive(headerTimeout) || isNotPositive(bodyTimeout) || isNotPositive(idleTimeout) || gracePeriod.isNegative()) {
            throw new IllegalArgumentException("the timeouts must be positive and the grace period not negative");
        }
    }

    /** 16 threads, 512 connections, 5 s for the headers, 10 s for the body, 30 s idle, 10 s of grace. */
    public static ServerLimits defaults() {
        return new ServerLimits(16, 512, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    public ServerLimits withThreads(int threads) {
        return new ServerLimits(threads, maxConnections, headerTimeout, bodyTimeout, idleTimeout, gracePeriod);
    }

    public ServerLimits withMaxConnections(int maxConnections) {
        return new ServerLimits(threads, maxConnections, headerTimeout, bodyTimeout, idleTimeout, gracePeriod);
    }

    public ServerLimits withHeaderTimeout(Duration headerTimeout) {
        return new ServerLimits(threads, maxConnections, headerTimeout, bodyTimeout, idleTimeout, gracePeriod);
    }

    public ServerLimits withBodyTimeout(Duration bodyTimeout) {
        return new ServerLimits(threads, maxConnections, headerTimeout, bodyTimeout, idleTimeout, gracePeriod);
    }

    public ServerLimits withIdleTimeout(Duration idleTimeout) {
        return new ServerLimits(threads, maxConnections, headerTimeout, bodyTimeout, idleTimeout, gracePeriod);
    }

    public ServerLimits withGracePeriod(Duration gracePeriod) {
        return new ServerLimits(threads, maxConnections, headerTimeout, bodyTimeout, idleTimeout, gracePeriod);
    }

    private static boolean isNotPositive(Duration duration) {
        return duration.isNegative() || duration.isZero();
    }
}
