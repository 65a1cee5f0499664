package dev.hookgen.examples.receiver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hookgen.runtime.WebhookParseException;
import dev.hookgen.runtime.receiver.WebhookReceiver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Serves a {@link WebhookReceiver} on the JDK's built-in HTTP server ({@code com.sun.net.httpserver}):
 * {@code POST} on one path goes to the receiver, any other path is 404, any other method 405.
 *
 * <p>Writes one log line per request: time, method, path, status, trigger, milliseconds and
 * outcome, plus the error of a 500 and the JSON path of a dead letter. Never the body, never the
 * Authorization header, never the query string.
 *
 * <p>{@link #close()} stops gracefully: the listening socket closes at once (new connections are
 * refused), the requests in flight finish within the grace period, then the threads stop.
 */
public final class HttpReceiverServer implements AutoCloseable {

    static {
        // The JDK server writes the response head and body as separate segments; with Nagle's algorithm
        // on, the body then waits for the client's delayed ACK: about 40 ms on every answer. The server
        // reads this property once, when its first instance is made, so it is set here, before that.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Where CometChat posts, unless configured otherwise. */
    public static final String DEFAULT_PATH = "/webhooks/cometchat";

    private final HttpServer server;

    private final ThreadPoolExecutor threads;

    private final String path;

    private final WebhookReceiver<?> receiver;

    private final Consumer<String> log;

    private final int graceSeconds;

    private final AtomicBoolean closed = new AtomicBoolean();

    private final AtomicInteger inFlight = new AtomicInteger();

    private final CountDownLatch stopped = new CountDownLatch(1);

    private HttpReceiverServer(HttpServer server, ThreadPoolExecutor threads, String path, WebhookReceiver<?> receiver,
            Consumer<String> log, int graceSeconds) {
        this.server = server;
        this.threads = threads;
        this.path = path;
        this.receiver = receiver;
        this.log = log;
        this.graceSeconds = graceSeconds;
    }

    /**
     * Binds and starts serving.
     *
     * @param address where to listen; port 0 picks a free port ({@link #address()} tells which)
     * @param path the webhook path, e.g. {@link #DEFAULT_PATH}
     * @param threads how many requests are handled at once
     * @param graceSeconds how long {@link #close()} lets requests in flight finish
     * @param log receives one line per request
     */
    public static HttpReceiverServer start(InetSocketAddress address, String path, WebhookReceiver<?> receiver, int threads,
            int graceSeconds, Consumer<String> log) throws IOException {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(log, "log");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("the path must start with '/': " + path);
        }
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> new Thread(task, "hookgen-http-" + count.incrementAndGet()));
        HttpServer server = HttpServer.create(address, 0);
        HttpReceiverServer receiverServer = new HttpReceiverServer(server, pool, path, receiver, log, graceSeconds);
        server.createContext("/", receiverServer::exchange);
        server.setExecutor(pool);
        server.start();
        return receiverServer;
    }

    /** The bound address, with the actual port. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The URL to configure in CometChat (behind your TLS proxy), e.g. {@code http://127.0.0.1:8080/webhooks/cometchat}. */
    public URI endpoint() {
        InetSocketAddress address = address();
        String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getAddress().getHostAddress();
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
     * Stops accepting connections, lets the requests in flight finish (up to the grace period),
     * then stops the threads. Safe to call more than once and from a shutdown hook.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            // stop(delay) closes the listening socket at once, then returns when the exchanges in flight have
            // finished or the delay is over. On JDK 17 it notices "finished" only when an exchange ends after
            // the call (JDK-8304065), so with none in flight it would sit out the whole delay: skip it then.
            server.stop(inFlight.get() == 0 ? 0 : graceSeconds);
            threads.shutdown();
            if (!threads.awaitTermination(graceSeconds, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    private void exchange(HttpExchange exchange) {
        inFlight.incrementAndGet();
        try {
            serve(exchange);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void serve(HttpExchange exchange) {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        String requestPath = exchange.getRequestURI().getRawPath();
        int status = 500;
        String trigger = null;
        String detail = "";
        try {
            if (!path.equals(requestPath)) {
                status = 404;
                detail = " outcome=not_found";
                send(exchange, 404, "not found\n", Map.of());
            } else if (!method.equals("POST")) {
                status = 405;
                detail = " outcome=method_not_allowed";
                send(exchange, 405, "only POST\n", Map.of("Allow", "POST"));
            } else {
                WebhookReceiver.Response response = receiver.handle(exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestBody(), contentLength(exchange));
                status = response.status();
                trigger = response.trigger();
                detail = describe(response);
                send(exchange, status, response.body(), response.headers());
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or the idempotency store failed: nothing was acknowledged
            detail = " outcome=error error=\"" + oneLine(e) + "\"";
            trySend(exchange, 500, "internal error; retry\n");
        } finally {
            exchange.close();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            log.accept(Instant.now() + " " + method + " " + requestPath + " status=" + status
                    + " trigger=" + (trigger == null ? "-" : trigger) + " ms=" + millis + detail);
        }
    }

    private static String describe(WebhookReceiver.Response response) {
        String outcome = " outcome=" + response.outcome().name().toLowerCase(java.util.Locale.ROOT);
        Throwable failure = response.failure();
        if (failure instanceof WebhookParseException drift) {
            // the location is a JSON path; the message could quote the body, so it stays out
            return outcome + " at=" + drift.location().orElse("$");
        }
        if (failure != null) {
            return outcome + " error=\"" + oneLine(failure) + "\"";
        }
        return outcome;
    }

    private static String oneLine(Throwable failure) {
        String text = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return text.replaceAll("[\\r\\n\"]+", " ");
    }

    private static long contentLength(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void trySend(HttpExchange exchange, int status, String body) {
        try {
            send(exchange, status, body, Map.of());
        } catch (IOException | RuntimeException alreadySent) {
            // headers already went out, or the connection is gone: closing the exchange is all that is left
        }
    }
}
