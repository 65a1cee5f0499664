package dev.hookgen.examples.receiver;

import dev.hookgen.runtime.receiver.Logfmt;
import dev.hookgen.runtime.receiver.WebhookReceiver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Jetty handler in front of a {@link WebhookReceiver}: {@code POST} on the webhook path goes to the
 * receiver, any other path is 404, any other method 405. The status policy is the receiver's; this class moves
 * bytes and writes the log line.
 *
 * <p>Order, so that nobody without credentials makes the server read a body: the receiver's
 * {@link WebhookReceiver#answerBeforeBody} first (401, or 413 by {@code Content-Length}); only then is the body
 * read, which is also when Jetty sends the {@code 100 Continue} a client may have asked for. The body is read by
 * {@link BodyReader} without holding a thread, within the body timeout (408 after it), and handed to
 * {@link WebhookReceiver#handle} whole.
 *
 * <p>Every refusal closes its connection ({@code Connection: close}): the receiver's (401, 413, 400, see
 * {@link WebhookReceiver#CLOSE}) and this class's own, 404, 405 and 408, whose body is unread or late. A client that
 * CometChat is not then holds no connection for the idle timeout once it was refused.
 *
 * <p>A body still on its way when the server stops is cut off when it falls silent for the shutdown's idle timeout
 * ({@link HttpReceiverServer#SHUTDOWN_IDLE_TIMEOUT_MILLIS}) or at the end of the grace period, whichever comes first;
 * it is answered 503 ({@code outcome=stopping}), never written, and CometChat retries it.
 *
 * <p>One log line per request, after the answer went out: time ({@link #TIME}), method, path, status, milliseconds since the
 * request's first byte, and {@link WebhookReceiver.Response#logFields()}. The method and the path come from
 * the client, so they are written through {@link Logfmt}, like every other value from the request. Never the
 * body, the {@code Authorization} header or the query string.
 */
final class ReceiverHandler extends Handler.Abstract {

    /**
     * A log line's time: ISO 8601 in UTC to the millisecond, always three digits of them ({@code 2026-01-01T10:00:00.120Z}),
     * where {@link Instant#toString()} would print as many digits as the clock has (micro- or nanoseconds) or none.
     */
    static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendInstant(3).toFormatter(Locale.ROOT);

    /** How much of a request method a log line shows (an unauthenticated client chooses it). */
    static final int MAX_LOGGED_METHOD_CHARS = 16;

    /** How much of a request path a log line shows. */
    static final int MAX_LOGGED_PATH_CHARS = 128;

    private final String path;

    private final WebhookReceiver<?> receiver;

    private final Duration bodyTimeout;

    private final Consumer<String> log;

    ReceiverHandler(String path, WebhookReceiver<?> receiver, Duration bodyTimeout, Consumer<String> log) {
        this.path = path;
        this.receiver = receiver;
        this.bodyTimeout = bodyTimeout;
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        new Exchange(request, response, callback).start();
        return true;
    }

    /** One request and its answer. */
    private final class Exchange implements BodyReader.Listener {

        private final Request request;

        private final Response response;

        private final Callback callback;

        private final String authorization;

        Exchange(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        }

        void start() {
            try {
                if (!path.equals(request.getHttpURI().getPath())) {
                    answer(404, "not found\n", WebhookReceiver.CLOSE, "outcome=not_found");
                } else if (!HttpMethod.POST.is(request.getMethod())) {
                    answer(405, "only POST\n", Map.of("Allow", "POST", "Connection", "close"), "outcome=method_not_allowed");
                } else {
                    Optional<WebhookReceiver.Response> early = receiver.answerBeforeBody(authorization, request.getLength());
                    if (early.isPresent()) {
                        answer(early.get());
                    } else {
                        BodyReader.read(request, receiver.maxBodyBytes() + 1, bodyTimeout, request.getComponents().getScheduler(), this);
                    }
                }
            } catch (VirtualMachineError fatal) {
                throw HttpReceiverServer.escalate(fatal);
            } catch (RuntimeException bug) {
                answerError(bug);
            }
        }

        @Override
        public void onBody(byte[] body) {
            try {
                answer(receiver.handle(authorization, new ByteArrayInputStream(body), body.length));
            } catch (VirtualMachineError fatal) {
                throw HttpReceiverServer.escalate(fatal);
            } catch (RuntimeException bug) {
                answerError(bug);
            }
        }

        @Override
        public void onFailure(Throwable failure) {
            try {
                if (isStopping()) {
                    // the stop cut the body off: by the shutdown's idle timeout or at the end of the grace period
                    answer(503, "the receiver is stopping; retry\n", WebhookReceiver.CLOSE, "outcome=stopping");
                } else if (failure instanceof TimeoutException) {
                    answer(408, "the body did not arrive in time\n", WebhookReceiver.CLOSE, "outcome=timeout");
                } else {
                    // the client went away or sent a broken body: the receiver answers it as a body that cannot be read
                    answer(receiver.handle(authorization, failing(failure), -1));
                }
            } catch (VirtualMachineError fatal) {
                throw HttpReceiverServer.escalate(fatal);
            } catch (RuntimeException bug) {
                answerError(bug);
            }
        }

        private boolean isStopping() {
            return getServer() != null && (getServer().isStopping() || getServer().isStopped());
        }

        private void answer(WebhookReceiver.Response answer) {
            answer(answer.status(), answer.body(), answer.headers(), answer.logFields());
        }

        private void answerError(RuntimeException bug) {
            String error = bug.getClass().getSimpleName() + (bug.getMessage() == null ? "" : ": " + bug.getMessage());
            answer(500, "internal error; retry\n", Map.of(), "outcome=error error=" + Logfmt.value(error, Logfmt.MAX_ERROR_CHARS));
        }

        private void answer(int status, String body, Map<String, String> headers, String logFields) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            headers.forEach(response.getHeaders()::put);
            Content.Sink.write(response, true, body, Callback.from(() -> {
                callback.succeeded();
                log(status, logFields, null);
            }, failure -> {
                callback.failed(failure);
                log(status, logFields, failure);
            }));
        }

        private void log(int status, String fields, Throwable unsent) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
            log.accept(TIME.format(Instant.now()) + " " + Logfmt.value(request.getMethod(), MAX_LOGGED_METHOD_CHARS)
                    + " " + Logfmt.value(request.getHttpURI().getPath(), MAX_LOGGED_PATH_CHARS)
                    + " status=" + status + " ms=" + millis + " " + fields
                    + (unsent == null ? "" : " unsent=" + Logfmt.value(unsent.getClass().getSimpleName(), 64)));
        }
    }

    /** A body whose reading failed, for {@link WebhookReceiver#handle} to answer as unreadable. */
    private static InputStream failing(Throwable failure) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw failure instanceof IOException io ? io : new IOException(failure);
            }
        };
    }
}
