package dev.hookgen.runtime.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookgen.runtime.Event;
import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.ParseLimits;
import dev.hookgen.runtime.SchemaDrift;
import dev.hookgen.runtime.WebhookParseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The framework-free core of a CometChat webhook endpoint: authentication, body limit, parsing,
 * deduplication and the status policy, with no HTTP server in it, for the events of any catalog (the
 * {@link EventReader} it is built with). An adapter (the Jetty handler of {@code examples/receiver}, a servlet,
 * a Spring controller) routes {@code POST} requests for its path here and copies the {@link Response} back:
 * <pre>{@code
 * WebhookReceiver<WebhookEvent> receiver = WebhookReceiver.builder(WebhookEvents.parser())
 *         .credentials(List.of(new Credentials("cometchat", password)))
 *         .deadLetters(new DeadLetters(Path.of("dead-letters")))
 *         .handler(WebhookDispatcher.of(myHandler)::dispatch)
 *         .build();
 * WebhookReceiver.Response r = receiver.handle(request.getHeader("Authorization"),
 *         request.getInputStream(), request.getContentLengthLong());
 * r.headers().forEach(response::setHeader);
 * response.setStatus(r.status());
 * }</pre>
 *
 * <p>The status policy, in the order the checks run:
 * <table>
 * <caption>Answers</caption>
 * <tr><th>Status</th><th>When</th></tr>
 * <tr><td>401</td><td>no Authorization header, or not one of the accepted pairs (with {@code WWW-Authenticate})</td></tr>
 * <tr><td>413</td><td>the body is over the limit: by its Content-Length, before reading it, or after reading one byte past the limit</td></tr>
 * <tr><td>400</td><td>the body is not a JSON object (empty, broken, truncated, not UTF-8, too deep, trailing content)</td></tr>
 * <tr><td>200</td><td>valid JSON that fails the typed contract (schema drift): saved whole to {@link DeadLetters}, so that CometChat does not retry in vain</td></tr>
 * <tr><td>200</td><td>a duplicate: its idempotency key was handled before</td></tr>
 * <tr><td>409</td><td>a duplicate of a delivery still being handled: CometChat retries it and then gets the 200 for a duplicate, or the event is handled if the first attempt failed</td></tr>
 * <tr><td>200</td><td>the {@link EventHandler} returned: the event is written (also when an optional field had another
 * type than its schema gives and was tolerated: {@link Response#newDrift()} names it the first time)</td></tr>
 * <tr><td>500</td><td>the handler, the idempotency store or the dead-letter folder failed: CometChat retries</td></tr>
 * </table>
 * {@code Content-Type} is not looked at: CometChat has been seen sending {@code Application/json}.
 *
 * <p>The refusals (401, 413, 400) carry {@code Connection: close} ({@link #CLOSE}, RFC 9112, section 9.6): their body
 * may be unread (a 401 and a 413 are answered from the headers alone), and the client is broken or hostile, so the
 * connection ends with the answer instead of holding one of the server's connections for its idle timeout. An adapter
 * copies the header like the others; Jetty and Tomcat then close the connection once the answer is sent, and over
 * HTTP/2, which has no such header, they leave it out. CometChat's own deliveries (200, 409, 500) keep theirs.
 *
 * <p>With an {@link Inbox} ({@link Builder#inbox}) the policy is the same, but the 200 comes once the inbox has stored
 * the event, and the inbox's write is also the deduplication and, for drift, the dead letter: no handler runs on the
 * request thread, and there is no 409 (a second copy waits for the first one's write, then is a duplicate).
 *
 * <p>Thread-safe; {@link #handle} never throws for a bad request.
 *
 * @param <E> the catalog's event type
 */
public final class WebhookReceiver<E extends Event> {

    /**
     * {@code Connection: close}, among the {@link Response#headers()} of every refusal (401, 413, 400): the connection
     * is closed once the answer is sent.
     */
    public static final Map<String, String> CLOSE = Map.of("Connection", "close");

    /** The default body limit: 1 MiB, the jar's own default document size. */
    public static final int DEFAULT_MAX_BODY_BYTES = ParseLimits.DEFAULT_MAX_DOCUMENT_BYTES;

    /** What became of one request; each maps to one status. */
    public enum Outcome {
        ACCEPTED(200), DUPLICATE(200), DEAD_LETTERED(200), UNAUTHORIZED(401), TOO_LARGE(413), MALFORMED(400),
        IN_FLIGHT(409), FAILED(500);

        private final int status;

        Outcome(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * The answer to send.
     *
     * @param outcome what happened; {@link #status()} is its HTTP status
     * @param trigger the event's trigger when the body got that far, for the log; else null
     * @param body a short plain-text explanation for the response body
     * @param headers response headers to set: the 401 challenge, and {@link #CLOSE} on a refusal
     * @param failure the exception behind a 500 or a dead letter, for the log; else null
     * @param newDrift the tolerated drift of an accepted event at places this receiver had not seen drift at
     *     before ({@link DriftCounts}): what to log, once per trigger and path; else empty
     */
    public record Response(Outcome outcome, String trigger, String body, Map<String, String> headers, Throwable failure,
            List<SchemaDrift> newDrift) {

        public Response {
            newDrift = List.copyOf(newDrift);
        }

        /** A response without new drift. */
        public Response(Outcome outcome, String trigger, String body, Map<String, String> headers, Throwable failure) {
            this(outcome, trigger, body, headers, failure, List.of());
        }

        public int status() {
            return outcome.status();
        }

        public Optional<Throwable> failureCause() {
            return Optional.ofNullable(failure);
        }

        /**
         * This answer's fields for a one-line request log, each made safe with {@link Logfmt} (the trigger
         * comes from the body): {@code trigger=message_sent outcome=accepted}, then for a dead letter
         * {@code at=} the JSON path of the mismatch (never the parser's message: it can quote a value
         * of the body), and for any other failure {@code error="IOException: No space left on device"}.
         * Never the body, the {@code Authorization} header or the user name.
         */
        public String logFields() {
            StringBuilder fields = new StringBuilder()
                    .append("trigger=").append(Logfmt.value(trigger, Logfmt.MAX_TRIGGER_CHARS))
                    .append(" outcome=").append(outcome.name().toLowerCase(Locale.ROOT));
            if (failure instanceof WebhookParseException drift) {
                fields.append(" at=").append(Logfmt.value(drift.location().orElse("$"), Logfmt.MAX_PATH_CHARS));
            } else if (failure != null) {
                String error = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
                fields.append(" error=").append(Logfmt.value(error, Logfmt.MAX_ERROR_CHARS));
            }
            if (!newDrift.isEmpty()) {
                // tolerated drift at a place not seen before: named once, counted in driftCounts() after that
                String places = newDrift.stream().map(d -> d.path() + " (" + d.expected() + " expected)").collect(Collectors.joining(", "));
                fields.append(" new_drift=").append(Logfmt.value(places, Logfmt.MAX_PATH_CHARS));
            }
            return fields.toString();
        }
    }

    private final BasicAuth auth;

    private final EventReader<E> parser;

    private final IdempotencyStore store;

    private final DeadLetters deadLetters;

    private final EventHandler<? super E> handler;

    private final Inbox inbox;

    private final DriftCounts driftCounts = new DriftCounts();

    private WebhookReceiver(Builder<E> builder) {
        this.auth = new BasicAuth(builder.credentials);
        this.parser = builder.maxBodyBytes == builder.parser.limits().maxDocumentBytes() ? builder.parser
                : builder.parser.withLimits(bodyLimits(builder.parser.limits(), builder.maxBodyBytes));
        this.inbox = builder.inbox;
        if (inbox != null) {
            if (builder.handler != null || builder.deadLetters != null || builder.storeSet) {
                throw new IllegalStateException("an inbox stores, deduplicates and keeps dead letters itself: "
                        + "set no handler, idempotency store or dead letters beside it");
            }
            this.store = null;
            this.deadLetters = null;
            this.handler = null;
        } else {
            this.store = builder.store;
            this.deadLetters = Objects.requireNonNull(builder.deadLetters, "deadLetters");
            this.handler = Objects.requireNonNull(builder.handler, "handler");
        }
    }

    /**
     * Starts a receiver of the events {@code parser} reads; its limits apply, except for the body size,
     * which {@link Builder#maxBodyBytes} may change.
     *
     * @param <E> the catalog's event type
     */
    public static <E extends Event> Builder<E> builder(EventReader<E> parser) {
        return new Builder<>(parser);
    }

    /** The largest body accepted, in bytes. */
    public int maxBodyBytes() {
        return parser.limits().maxDocumentBytes();
    }

    /**
     * The reader this receiver parses with: the builder's, with its body limit. Whatever reads an accepted body
     * again later (an inbox's workers, a replay) must use it, or a body the receiver accepted could be refused then.
     */
    public EventReader<E> reader() {
        return parser;
    }

    /** Limits for bodies up to {@code maxBodyBytes}: a string of such a body may be that long too. */
    private static ParseLimits bodyLimits(ParseLimits limits, int maxBodyBytes) {
        ParseLimits body = limits.withMaxDocumentBytes(maxBodyBytes);
        return maxBodyBytes > body.maxStringLength() ? body.withMaxStringLength(maxBodyBytes) : body;
    }

    /**
     * Handles one {@code POST} to the webhook path.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param body the request body; read at most one byte past the limit, not closed
     * @param contentLength the {@code Content-Length}, or -1 when unknown (chunked)
     */
    public Response handle(String authorization, InputStream body, long contentLength) {
        Optional<Response> early = answerBeforeBody(authorization, contentLength);
        if (early.isPresent()) {
            return early.get();
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBodyBytes() + 1);
        } catch (IOException e) {
            return new Response(Outcome.MALFORMED, null, "cannot read the body\n", CLOSE, e);
        }
        if (bytes.length > maxBodyBytes()) {
            return tooLarge();
        }
        E event;
        try {
            event = parser.parse(bytes);
        } catch (WebhookParseException e) {
            return e.isSchemaDrift() ? deadLetter(bytes, e) : new Response(Outcome.MALFORMED, null, e.getMessage() + "\n", CLOSE, null);
        }
        return inbox != null ? store(event, bytes) : deliver(event);
    }

    /** The inbox's one write is the durable hand-off and the deduplication. */
    private Response store(E event, byte[] body) {
        String trigger = event.getTrigger();
        Inbox.Added added;
        try {
            added = inbox.add(event, body);
        } catch (Exception e) {
            return new Response(Outcome.FAILED, trigger, "cannot store the event; retry\n", Map.of(), e);
        }
        return added == Inbox.Added.DUPLICATE ? new Response(Outcome.DUPLICATE, trigger, "duplicate\n", Map.of(), null)
                : new Response(Outcome.ACCEPTED, trigger, "accepted\n", Map.of(), null, driftCounts.count(event));
    }

    /**
     * The answer a request gets from its headers alone, before any of its body is read: 401 without accepted
     * credentials, 413 when its {@code Content-Length} is over the limit. Empty when the body is to be read and
     * given to {@link #handle}, which makes the same checks first.
     *
     * <p>An adapter that answers {@code Expect: 100-continue} (RFC 9110, section 10.1.1) calls this before it
     * sends the {@code 100 Continue}, and sends this answer instead when there is one, so that a client is never
     * invited to send a body that will be refused; an adapter that reads the body asynchronously calls it
     * before reading, so that no one without credentials makes the server read or buffer a body.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param contentLength the {@code Content-Length}, or -1 when unknown (chunked)
     */
    public Optional<Response> answerBeforeBody(String authorization, long contentLength) {
        if (!auth.accepts(authorization)) {
            return Optional.of(new Response(Outcome.UNAUTHORIZED, null, "unauthorized\n",
                    Map.of("WWW-Authenticate", BasicAuth.CHALLENGE, "Connection", "close"), null));
        }
        if (contentLength > maxBodyBytes()) {
            return Optional.of(tooLarge());
        }
        return Optional.empty();
    }

    private Response deliver(E event) {
        String trigger = event.getTrigger();
        String key;
        IdempotencyStore.Claim claim;
        try {
            key = event.idempotencyKey();
            claim = store.claim(key);
        } catch (RuntimeException e) {
            return new Response(Outcome.FAILED, trigger, "cannot check for duplicates\n", Map.of(), e);
        }
        switch (claim) {
            case DONE:
                return new Response(Outcome.DUPLICATE, trigger, "duplicate\n", Map.of(), null);
            case IN_FLIGHT:
                return new Response(Outcome.IN_FLIGHT, trigger, "the same delivery is being handled; retry\n", Map.of(), null);
            default:
                break;
        }
        boolean handled = false;
        try {
            handler.handle(event);
            handled = true;
        } catch (Exception e) {
            return new Response(Outcome.FAILED, trigger, "the event could not be handled; retry\n", Map.of(), e);
        } finally {
            if (!handled) {
                store.release(key);
            }
        }
        try {
            store.complete(key);
        } catch (RuntimeException e) {
            // the event is written; a retry will write it once more, which beats losing it
            return new Response(Outcome.FAILED, trigger, "cannot record the delivery; retry\n", Map.of(), e);
        }
        return new Response(Outcome.ACCEPTED, trigger, "accepted\n", Map.of(), null, driftCounts.count(event));
    }

    /**
     * How often each trigger and path arrived with tolerated drift in the events this receiver handled: an
     * event whose optional field has another type than its schema gives is handled as usual
     * ({@link dev.hookgen.runtime.DriftPolicy#TOLERATE}), and counted here.
     */
    public Map<String, Long> driftCounts() {
        return driftCounts.snapshot();
    }

    private Response deadLetter(byte[] body, WebhookParseException drift) {
        JsonNode trigger = drift.payload().map(payload -> payload.get("trigger")).orElse(null);
        String name = trigger != null && trigger.isTextual() ? trigger.textValue() : null;
        try {
            if (inbox != null) {
                inbox.addDead(body, name, drift);
            } else {
                deadLetters.save(body, name);
            }
        } catch (Exception e) {
            e.addSuppressed(drift);
            return new Response(Outcome.FAILED, name, "cannot save the payload; retry\n", Map.of(), e);
        }
        return new Response(Outcome.DEAD_LETTERED, name,
                "saved for review: the payload does not fit the schema at " + drift.location().orElse("$") + "\n", Map.of(), drift);
    }

    private Response tooLarge() {
        return new Response(Outcome.TOO_LARGE, null, "the body is larger than " + maxBodyBytes() + " bytes\n", CLOSE, null);
    }

    /**
     * Configures a {@link WebhookReceiver}: credentials, and either dead letters and a handler (the handler runs before
     * the 200) or an {@link Inbox} (the 200 comes once the inbox stored the event).
     */
    public static final class Builder<E extends Event> {
        private final EventReader<E> parser;
        private List<Credentials> credentials = List.of();
        private int maxBodyBytes;
        private IdempotencyStore store = new InMemoryIdempotencyStore();
        private DeadLetters deadLetters;
        private EventHandler<? super E> handler;
        private boolean storeSet;
        private Inbox inbox;

        private Builder(EventReader<E> parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
            this.maxBodyBytes = parser.limits().maxDocumentBytes();
        }

        /** The accepted user name and password pairs; at least one. */
        public Builder<E> credentials(List<Credentials> credentials) {
            this.credentials = List.copyOf(credentials);
            return this;
        }

        /** The largest body accepted, in bytes (default: the parser's {@link ParseLimits#maxDocumentBytes()}, 1 MiB by default). */
        public Builder<E> maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxBodyBytes out of range: " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** Where handled idempotency keys are kept (default: {@link InMemoryIdempotencyStore}). */
        public Builder<E> idempotencyStore(IdempotencyStore store) {
            this.store = Objects.requireNonNull(store, "store");
            this.storeSet = true;
            return this;
        }

        /** Where payloads that do not fit the schemas are saved (required). */
        public Builder<E> deadLetters(DeadLetters deadLetters) {
            this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
            return this;
        }

        /** What takes each new event (required): it returns once the event is safe. */
        public Builder<E> handler(EventHandler<? super E> handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Where each event goes instead of a handler: the receiver answers 200 once {@link Inbox#add} stored it, and
         * payloads that do not fit the schemas go to {@link Inbox#addDead}. Excludes a handler, an idempotency store and
         * dead letters.
         */
        public Builder<E> inbox(Inbox inbox) {
            this.inbox = Objects.requireNonNull(inbox, "inbox");
            return this;
        }

        /**
         * @throws IllegalArgumentException without credentials
         * @throws IllegalStateException with an inbox and also a handler, an idempotency store or dead letters
         */
        public WebhookReceiver<E> build() {
            return new WebhookReceiver<>(this);
        }
    }
}
