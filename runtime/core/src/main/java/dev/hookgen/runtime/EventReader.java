package dev.hookgen.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses webhook bodies into the events of one catalog, and writes events back as JSON, within
 * {@link ParseLimits}. A catalog is a base type {@code E} that names its event classes by trigger with
 * Jackson's {@code @JsonTypeInfo}/{@code @JsonSubTypes} ({@code defaultImpl} an {@link UntypedEvent}), and
 * a function that wraps a payload of an unknown trigger; a generated catalog's {@code WebhookParser}
 * extends this class with both.
 *
 * <p>The contract: a body with a known trigger binds to its event class in one pass, wherever
 * {@code trigger} stands; any other trigger becomes an {@link UntypedEvent} holding the whole payload.
 * Fields the schemas do not model are kept, so {@link #toJson} gives back the JSON that came in (the same
 * JSON value: key order and white space aside). JSON is strict (RFC 8259: no comments, trailing commas,
 * single quotes or duplicate keys, so that a second {@code trigger} cannot smuggle another event past a
 * proxy), type ids ({@code trigger}, {@code entityType}) must be strings, and scalars are not coerced
 * ({@code "sentAt": "1696934912"} is an error, not a number). Everything else raises
 * {@link WebhookParseException}, and nothing else escapes.
 *
 * <p>Thread-safe: build one per catalog and set of limits, and share it.
 *
 * @param <E> the catalog's event type
 */
public class EventReader<E extends Event> {

    /** Jackson's advice to enable coercion, in its wordings: coercion is off on purpose, so the advice goes. */
    private static final Pattern COERCION_HINT = Pattern.compile(" \\(but (?:might|could) if coercion [^)]*\\)");

    private final Class<E> eventType;

    private final Function<ObjectNode, ? extends E> untyped;

    private final ParseLimits limits;

    private final JsonFactory factory;

    private final ObjectReader events;

    private final ObjectReader trees;

    private final ObjectWriter writer;

    /**
     * @param eventType the catalog's base type, annotated for Jackson's polymorphic binding on {@code trigger}
     * @param untyped wraps the payload of a trigger without a schema (the catalog's {@code UnknownEvent::new})
     * @param limits the bounds on every body
     */
    public EventReader(Class<E> eventType, Function<ObjectNode, ? extends E> untyped, ParseLimits limits) {
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.untyped = Objects.requireNonNull(untyped, "untyped");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(limits.maxDocumentBytes())
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .build())
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
        this.events = mapper.readerFor(eventType);
        this.trees = mapper.readerFor(JsonNode.class);
        this.writer = mapper.writer();
    }

    /** The catalog's base type. */
    public final Class<E> eventType() {
        return eventType;
    }

    /** The limits this reader enforces. */
    public final ParseLimits limits() {
        return limits;
    }

    /** A reader of the same catalog with other limits. Build it once and share it. */
    public EventReader<E> withLimits(ParseLimits limits) {
        return new EventReader<>(eventType, untyped, limits);
    }

    /**
     * Parses a body of UTF-8 bytes.
     *
     * @throws WebhookParseException if the body is not an event; never anything else
     */
    public final E parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        checkSize(body.length);
        return read(() -> new DuplicateKeyGuard(factory.createParser(body)));
    }

    /**
     * Parses a body already decoded to text.
     *
     * @throws WebhookParseException if the body is not an event; never anything else
     */
    public final E parse(String body) {
        Objects.requireNonNull(body, "body");
        checkSize(body.length());
        return read(() -> new DuplicateKeyGuard(factory.createParser(body)));
    }

    /**
     * Reads and parses a body; reads at most one byte past the size limit, and does not close the stream.
     *
     * @throws WebhookParseException if the body cannot be read or is not an event; never anything else
     */
    public final E parse(InputStream body) {
        Objects.requireNonNull(body, "body");
        byte[] bytes;
        try {
            bytes = body.readNBytes(limits.maxDocumentBytes() + 1);
        } catch (IOException e) {
            throw new WebhookParseException(WebhookParseException.Kind.UNREADABLE, "cannot read the body: " + e.getMessage(), null, null, e);
        }
        return parse(bytes);
    }

    /**
     * Writes an event back as JSON: for a parsed event, the JSON it was parsed from (the same JSON value;
     * key order, white space and explicit nulls of typed fields aside).
     *
     * @throws IllegalArgumentException if the event holds a value Jackson cannot write
     */
    public final String toJson(E event) {
        Objects.requireNonNull(event, "event");
        try {
            return writer.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the event as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void checkSize(int length) {
        if (length > limits.maxDocumentBytes()) {
            throw new WebhookParseException(WebhookParseException.Kind.LIMIT_EXCEEDED,
                    "the body is larger than the limit of " + limits.maxDocumentBytes() + " bytes", null, null, null);
        }
    }

    private E read(Source source) {
        try (JsonParser json = source.open()) {
            JsonToken first = json.nextToken();
            if (first == null) {
                throw new WebhookParseException(WebhookParseException.Kind.NOT_JSON, "empty body: a webhook is a JSON object", null, null, null);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new WebhookParseException(WebhookParseException.Kind.NOT_AN_OBJECT,
                        "the body must be a JSON object, not " + describe(first), at(json.currentTokenLocation()), null, null);
            }
            E event = events.readValue(json);
            requireEnd(json);
            if (event instanceof UntypedEvent) {
                return untyped(tree(source));
            }
            return event;
        } catch (JsonProcessingException e) {
            throw failure(e, source);
        } catch (IOException | RuntimeException e) {
            if (e instanceof WebhookParseException parseFailure) {
                throw parseFailure;
            }
            throw new WebhookParseException(WebhookParseException.Kind.UNREADABLE, "cannot parse the body: " + e, null, null, e);
        }
    }

    /**
     * Says what Jackson found: a value that does not fit its field in a body that was valid JSON (which the
     * exception keeps), or else broken JSON or a bound crossed.
     */
    private WebhookParseException failure(JsonProcessingException e, Source source) {
        if (e instanceof JsonMappingException mapping && limitCrossed(e) == null) {
            try {
                return new WebhookParseException(WebhookParseException.Kind.SCHEMA_DRIFT,
                        COERCION_HINT.matcher(mapping.getOriginalMessage()).replaceAll(""), path(mapping), tree(source), e);
            } catch (JsonProcessingException broken) {
                return syntax(broken);
            } catch (IOException unreadable) {
                return new WebhookParseException(WebhookParseException.Kind.UNREADABLE, "cannot parse the body: " + unreadable, null, null, unreadable);
            }
        }
        return syntax(e);
    }

    private static WebhookParseException syntax(JsonProcessingException e) {
        StreamConstraintsException limit = limitCrossed(e);
        if (limit != null) {
            return new WebhookParseException(WebhookParseException.Kind.LIMIT_EXCEEDED, "over a limit: " + limit.getOriginalMessage(),
                    at(limit.getLocation()), null, e);
        }
        return new WebhookParseException(WebhookParseException.Kind.NOT_JSON, "not valid JSON: " + e.getOriginalMessage(), at(e.getLocation()), null, e);
    }

    /** The crossed bound behind {@code e}, if any: databind may wrap it. */
    private static StreamConstraintsException limitCrossed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException limit) {
                return limit;
            }
        }
        return null;
    }

    /**
     * The body as a tree, read again: for a body that failed the typed contract, and for an unknown
     * trigger, which is kept exactly as it came.
     */
    private JsonNode tree(Source source) throws IOException {
        try (JsonParser json = source.open()) {
            JsonNode tree = trees.readValue(json);
            requireEnd(json);
            return tree;
        }
    }

    /** A body is one JSON object: nothing may follow it. */
    private static void requireEnd(JsonParser json) throws IOException {
        if (json.nextToken() != null) {
            throw new WebhookParseException(WebhookParseException.Kind.NOT_JSON, "unexpected content after the JSON object",
                    at(json.currentTokenLocation()), null, null);
        }
    }

    /**
     * An event falls back to the untyped class when its trigger is unknown, but also when it has none, or
     * one that is not a string: only the first is an event.
     */
    private E untyped(JsonNode json) {
        JsonNode trigger = json.get("trigger");
        if (trigger == null) {
            throw new WebhookParseException(WebhookParseException.Kind.SCHEMA_DRIFT, "missing: every webhook names its trigger", "$.trigger", json, null);
        }
        if (!trigger.isTextual()) {
            throw new WebhookParseException(WebhookParseException.Kind.SCHEMA_DRIFT,
                    "must be a string, not " + trigger.getNodeType().name().toLowerCase(Locale.ROOT), "$.trigger", json, null);
        }
        return untyped.apply((ObjectNode) json);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    /** The JSON path of a binding failure: {@code $.data.all_occupants[0].joined_at}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append('.').append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return null;
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Opens the body once more: for the typed pass, and for the tree a drift failure keeps. */
    @FunctionalInterface
    private interface Source {
        JsonParser open() throws IOException;
    }
}
