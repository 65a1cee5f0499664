package dev.hookgen.spring.boot;

import dev.hookgen.runtime.receiver.WebhookReceiver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The endpoint: {@code POST hookgen.receiver.path} goes to the receiver core, whose answer is copied back as it is
 * (status, headers, a short text body). Other methods on the path get 405 with
 * {@code Allow: POST}, as from the receiver of {@code examples/receiver}. The body is read as bytes from the request,
 * never bound by a message converter, so that the core sees exactly what arrived.
 *
 * <p>Refusals carry {@code Connection: close} (the core's 401, 413 and 400, and the 405 here), so that the container
 * closes the connection after them. The answer is sent as soon as its body is written (its {@code Content-Length} is
 * reached); Tomcat then reads and discards a body the application left unread (at most
 * {@code server.tomcat.max-swallow-size}, waiting up to {@code server.tomcat.connection-timeout}) before it closes,
 * unless the status is one after which it drops the connection at once anyway (400, 413).
 *
 * <p>Logs a 500 with its cause (WARN; the stack trace at DEBUG), a dead letter with the JSON path of the mismatch (INFO),
 * and tolerated drift once per trigger and path (WARN), each value from the request escaped; never the body, the
 * Authorization header or the user name.
 */
@Controller
public final class WebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

    /** The headers of the 405 for another method than POST: a refusal, so the connection closes. */
    private static final Map<String, String> METHOD_NOT_ALLOWED = Map.of("Allow", "POST", "Connection", "close");

    private final WebhookReceiver<?> receiver;

    private final DeliveryMetrics metrics;

    WebhookController(WebhookReceiver<?> receiver, DeliveryMetrics metrics) {
        this.receiver = receiver;
        this.metrics = metrics;
    }

    @RequestMapping("${hookgen.receiver.path:" + HookgenReceiverProperties.DEFAULT_PATH + "}")
    public void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            answer(response, 405, METHOD_NOT_ALLOWED, "only POST\n");
            return;
        }
        WebhookReceiver.Response answer = receiver.handle(request.getHeader("Authorization"), request.getInputStream(),
                request.getContentLengthLong());
        metrics.delivered(answer);
        log(answer);
        answer(response, answer.status(), answer.headers(), answer.body());
    }

    private static void answer(HttpServletResponse response, int status, Map<String, String> headers, String text) throws IOException {
        headers.forEach(response::setHeader);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * One line for a 500, a dead letter or drift seen for the first time, made of the core's {@link
     * WebhookReceiver.Response#logFields()}: every value from the request (the trigger, a JSON path, an error message)
     * escaped by {@link dev.hookgen.runtime.receiver.Logfmt}, so that no request can forge a line. A 500's stack trace,
     * whose messages are not escaped, is logged at DEBUG only.
     */
    private static void log(WebhookReceiver.Response answer) {
        switch (answer.outcome()) {
            case FAILED -> {
                LOG.warn("webhook answered 500, CometChat retries: {}", answer.logFields());
                LOG.debug("webhook answered 500: the failure", answer.failure());
            }
            case DEAD_LETTERED -> LOG.info("webhook kept as a dead letter: {}", answer.logFields());
            default -> {
                // tolerated drift (the event was handled): named the first time for each trigger and path, counted after
                // that in WebhookReceiver.driftCounts()
                if (!answer.newDrift().isEmpty()) {
                    LOG.warn("webhook with tolerated schema drift, the values kept as they came: {}", answer.logFields());
                }
            }
        }
    }
}
