package dev.hookgen.examples.receiver;

import dev.hookgen.runtime.receiver.WebhookReceiver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves a {@link WebhookReceiver} over HTTP/1.1 on an embedded Jetty 12 (its core {@code Handler} API, no
 * servlet container), with the {@link ServerLimits} that keep hostile clients from starving the others:
 * request heads and bodies are read without holding a thread, within their timeouts; connections are bounded
 * and closed when idle; at most {@link ServerLimits#threads()} requests are handled at once.
 *
 * <p>The JDK's own {@code com.sun.net.httpserver}, which this replaced, reads every request head on a worker
 * thread with no timeout and no bound on connections: 16 clients sending their headers a byte at a time stopped
 * it. See {@code examples/receiver/README.md} for the figures.
 *
 * <p>{@link #close()} stops gracefully: the listening socket closes at once (new connections are refused),
 * requests in flight finish within the grace period and promptly when there are none, then the threads stop.
 *
 * <p>An {@link Error} such as {@link OutOfMemoryError} in a request or in any of the server's threads is never
 * swallowed: it goes to the thread's uncaught-exception handler (see {@link FatalErrors}).
 */
public final class HttpReceiverServer implements AutoCloseable {

    /** Where CometChat posts, unless configured otherwise. */
    public static final String DEFAULT_PATH = "/webhooks/cometchat";

    /**
     * On stop, how long a connection may stay silent before it is closed, in milliseconds: the idle keep-alive
     * connections a client such as CometChat holds open would otherwise keep the stop waiting for Jetty's
     * default of a second. A request being handled is not cut by it; it has the whole grace period.
     */
    static final long SHUTDOWN_IDLE_TIMEOUT_MILLIS = 250;

    private final Server server;

    private final ServerConnector connector;

    private final String path;

    private final AtomicBoolean closed = new AtomicBoolean();

    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile boolean cleanStop = true;

    private HttpReceiverServer(Server server, ServerConnector connector, String path) {
        this.server = server;
        this.connector = connector;
        this.path = path;
    }

    /**
     * Binds and starts serving.
     *
     * @param address where to listen; port 0 picks a free port ({@link #address()} tells which)
     * @param path the webhook path, e.g. {@link #DEFAULT_PATH}
     * @param limits threads, connections, timeouts and the grace period
     * @param log receives one line per request
     * @throws IOException when the address cannot be bound
     */
    public static HttpReceiverServer start(InetSocketAddress address, String path, WebhookReceiver<?> receiver, ServerLimits limits,
            Consumer<String> log) throws IOException {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(log, "log");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("the path must start with '/': " + path);
        }
        // Jetty takes one thread for its acceptor and one for its selector; the rest handle requests
        QueuedThreadPool threads = new EscalatingThreadPool(limits.threads() + 2);
        threads.setName("hookgen-http");
        Server server = new Server(threads);
        server.setStopTimeout(limits.gracePeriod().toMillis());

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(ServerLimits.MAX_REQUEST_HEAD_BYTES);
        http.setIdleTimeout(limits.idleTimeout().toMillis());
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setShutdownIdleTimeout(Math.min(SHUTDOWN_IDLE_TIMEOUT_MILLIS, limits.idleTimeout().toMillis()));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));

        HeaderTimeout headerTimeout = new HeaderTimeout(limits.headerTimeout(),
                new ReceiverHandler(path, receiver, limits.bodyTimeout(), log));
        connector.addEventListener(headerTimeout);
        server.setHandler(new GracefulHandler(headerTimeout));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw e instanceof IOException io ? io : new IOException("cannot start the HTTP server: " + e, e);
        }
        return new HttpReceiverServer(server, connector, path);
    }

    /** The bound address, with the actual port. */
    public InetSocketAddress address() {
        String host = connector.getHost();
        return new InetSocketAddress(host == null ? "0.0.0.0" : host, connector.getLocalPort());
    }

    /** The URL to configure in CometChat (behind your TLS proxy), e.g. {@code http://127.0.0.1:8080/webhooks/cometchat}. */
    public URI endpoint() {
        InetSocketAddress address = address();
        String host = address.getAddress() == null || address.getAddress().isAnyLocalAddress() ? "localhost"
                : address.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + path);
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /**
     * Whether the last {@link #close()} let every request in flight finish: false when the grace period ran out
     * (those requests were not answered 200, so CometChat retries them) or the server failed to stop.
     */
    public boolean stoppedCleanly() {
        return cleanStop;
    }

    /**
     * Stops accepting connections, lets the requests in flight finish (up to the grace period; at once when
     * there are none), then closes the connections and stops the threads. Safe to call more than once and from a
     * shutdown hook.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop();
        } catch (Exception timedOutOrFailed) {
            cleanStop = false;
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Hands a fatal error to the current thread's uncaught-exception handler, which {@link FatalErrors} makes
     * end the process, and returns it for the caller to rethrow.
     */
    static VirtualMachineError escalate(VirtualMachineError error) {
        Thread thread = Thread.currentThread();
        thread.getUncaughtExceptionHandler().uncaughtException(thread, error);
        return error;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // it did not start; stopping is best effort
        }
    }

    /** Jetty's pool logs a job's failure and carries on; an {@link Error} of the VM is escalated instead. */
    private static final class EscalatingThreadPool extends QueuedThreadPool {

        EscalatingThreadPool(int maxThreads) {
            super(maxThreads, Math.min(4, maxThreads));
        }

        @Override
        protected void onJobFailure(Throwable failure) {
            if (failure instanceof VirtualMachineError fatal) {
                escalate(fatal);
            }
            super.onJobFailure(failure);
        }
    }
}
