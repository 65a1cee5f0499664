package dev.hookgen.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * proxy), strict UTF-8, type ids ({@code trigger}, {@code entityType}) must be strings, and scalars are not
 * coerced. A field its schema requires must be there, not null and of its type; any other field of another type is
 * tolerated, kept and named in {@link Event#schemaDrift()} (see {@link DriftPolicy}). Everything else raises
 * {@link WebhookParseException}, and nothing else escapes. No body can leave the reader worse for the next one:
 * Jackson's shared symbol tables are renewed when a body fails inside them.
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

    private final DriftPolicy driftPolicy;

    /**
     * Where the parsers come from. Replaced, with empty symbol tables, when a body failed inside the shared ones:
     * Jackson merges a failed parser's table back into them, and bodies of field names built to collide would
     * otherwise leave them broken for every later body (see {@link #parse(Source)}).
     */
    private volatile JsonFactory factory;

    /** The first reading: every field as its schema says, required ones present. */
    private final ObjectReader events;

    /** The second reading, of a body the first refused, under {@link DriftPolicy#TOLERATE}. */
    private final ObjectReader tolerantEvents;

    private final ObjectReader trees;

    private final ObjectWriter writer;

    /**
     * A reader that tolerates drift in fields the schemas do not require ({@link DriftPolicy#TOLERATE}).
     *
     * @param eventType the catalog's base type, annotated for Jackson's polymorphic binding on {@code trigger}
     * @param untyped wraps the payload of a trigger without a schema (the catalog's {@code UnknownEvent::new})
     * @param limits the bounds on every body
     */
    public EventReader(Class<E> eventType, Function<ObjectNode, ? extends E> untyped, ParseLimits limits) {
        this(eventType, untyped, limits, DriftPolicy.TOLERATE);
    }

    /**
     * @param eventType the catalog's base type, annotated for Jackson's polymorphic binding on {@code trigger}
     * @param untyped wraps the payload of a trigger without a schema (the catalog's {@code UnknownEvent::new})
     * @param limits the bounds on every body
     * @param driftPolicy what a field of another type than its schema gives does to the body
     */
    public EventReader(Class<E> eventType, Function<ObjectNode, ? extends E> untyped, ParseLimits limits, DriftPolicy driftPolicy) {
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.untyped = Objects.requireNonNull(untyped, "untyped");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.driftPolicy = Objects.requireNonNull(driftPolicy, "driftPolicy");
        this.factory = factory(limits);
        JsonMapper mapper = mapper(factory, new RequiredProperties());
        this.events = mapper.readerFor(eventType);
        this.tolerantEvents = mapper(factory, new RequiredProperties(), new TolerantProperties()).readerFor(eventType);
        this.trees = mapper.readerFor(JsonNode.class);
        this.writer = mapper.writer();
    }

    /**
     * Parsers within the limits that reject a repeated key ({@link StrictJsonFactory}); the writer writes UTF-8 with
     * lone surrogates as {@code \\uXXXX} escapes (and pairs as the character they make), so that {@link #toJson} keeps
     * a string that JavaScript cut mid-emoji.
     */
    private static JsonFactory factory(ParseLimits limits) {
        return new StrictJsonFactory(new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(limits.maxDocumentBytes())
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .build())
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8));
    }

    /**
     * The strict reading: no coercion of scalars (Jackson would read {@code " "} as a null number, which writes back
     * as nothing), exact decimals, and the given checks on every bean.
     */
    private static JsonMapper mapper(JsonFactory factory, BeanDeserializerModifier... checks) {
        JsonMapper.Builder mapper = JsonMapper.builder(factory)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .withCoercionConfigDefaults(config -> config.setAcceptBlankAsEmpty(false))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        for (BeanDeserializerModifier check : checks) {
            mapper.addModule(new SimpleModule(check.getClass().getSimpleName()).setDeserializerModifier(check));
        }
        return mapper.build();
    }

    /** The catalog's base type. */
    public final Class<E> eventType() {
        return eventType;
    }

    /** The limits this reader enforces. */
    public final ParseLimits limits() {
        return limits;
    }

    /** What this reader does with a field of another type than its schema gives. */
    public final DriftPolicy driftPolicy() {
        return driftPolicy;
    }

    /** A reader of the same catalog with other limits. Build it once and share it. */
    public EventReader<E> withLimits(ParseLimits limits) {
        return new EventReader<>(eventType, untyped, limits, driftPolicy);
    }

    /** A reader of the same catalog with another drift policy. Build it once and share it. */
    public EventReader<E> withDriftPolicy(DriftPolicy driftPolicy) {
        return new EventReader<>(eventType, untyped, limits, driftPolicy);
    }

    /**
     * Parses a body of UTF-8 bytes. Strict UTF-8 (RFC 8259, section 8.1): overlong forms, encoded surrogates,
     * code points above U+10FFFF, NUL bytes and so UTF-16 and UTF-32 bodies are {@code NOT_JSON}, located by their
     * byte offset ({@code byte 17}). A leading UTF-8 byte order mark ({@code EF BB BF}) is ignored, as RFC 8259
     * allows.
     *
     * @throws WebhookParseException if the body is not an event; never anything else
     */
    public final E parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        checkSize(body.length);
        int invalid = Utf8.firstInvalid(body);
        if (invalid >= 0) {
            throw new WebhookParseException(WebhookParseException.Kind.NOT_JSON, Utf8.describe(body, invalid), "byte " + invalid, null, null);
        }
        return parse(() -> factory.createParser(body));
    }

    /**
     * Parses a body already decoded to text, as {@link #parse(byte[])} parses its UTF-8 bytes: the size limit
     * counts the text's length in UTF-8 (bytes, not characters), and a leading byte order mark ({@code U+FEFF})
     * is ignored. Text with a surrogate character without its pair (bytes that were not UTF-8, decoded leniently)
     * is {@code NOT_JSON}, located by its index ({@code character 17}); the escape {@code "\\ud83d"} in a string
     * is JSON, and is kept.
     *
     * @throws WebhookParseException if the body is not an event; never anything else
     */
    public final E parse(String body) {
        Objects.requireNonNull(body, "body");
        checkSize(body.length());
        int lone = Utf8.firstLoneSurrogate(body);
        if (lone >= 0) {
            throw new WebhookParseException(WebhookParseException.Kind.NOT_JSON, String.format(
                    "a lone surrogate (U+%04X): the text is not Unicode", (int) body.charAt(lone)),
                    "character " + lone, null, null);
        }
        if ((long) body.length() * 3 > limits.maxDocumentBytes()) {
            checkSize(Utf8.encodedLength(body, limits.maxDocumentBytes()));
        }
        String json = body.startsWith("\uFEFF") ? body.substring(1) : body;
        return parse(() -> factory.createParser(json));
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
        } catch (IOException | RuntimeException e) {
            throw new WebhookParseException(WebhookParseException.Kind.UNREADABLE, "cannot read the body: "
                    + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()), null, null, e);
        }
        return parse(bytes);
    }

    /**
     * Writes an event back as JSON: for a parsed event, the JSON it was parsed from (the same JSON value;
     * key order, white space and explicit nulls of typed fields aside). A string that holds half a surrogate pair
     * ({@code "hi\\ud83d"}, from a JavaScript client that cut an emoji) is written with that half as the escape it
     * came as, so the text stays Unicode and survives being written as UTF-8.
     *
     * @throws IllegalArgumentException if the event holds a value Jackson cannot write
     */
    public final String toJson(E event) {
        Objects.requireNonNull(event, "event");
        try {
            return new String(writer.writeValueAsBytes(event), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the event as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void checkSize(long length) {
        if (length > limits.maxDocumentBytes()) {
            throw new WebhookParseException(WebhookParseException.Kind.LIMIT_EXCEEDED,
                    "the body is larger than the limit of " + limits.maxDocumentBytes() + " bytes", null, null, null);
        }
    }

    /**
     * Reads a body; if it failed inside the shared symbol tables, on fresh ones once more. A body whose field names
     * collide in Jackson's hash tables is refused by Jackson's own bound, but the tables it filled are merged back
     * into the factory's, where they could break the next body with new names ("Spill-over slots in symbol
     * table", an {@code ArrayIndexOutOfBoundsException}). So the factory is replaced after such a failure, and the
     * body read again: an ordinary body caught by a broken table then parses; a hostile one fails again, and the
     * tables it filled are dropped once more.
     */
    private E parse(Source source) {
        JsonFactory used = factory;
        try {
            return read(source);
        } catch (WebhookParseException e) {
            if (!SymbolTables.failedIn(e)) {
                throw e;
            }
            renewFactory(used);
            JsonFactory retried = factory;
            try {
                return read(source);
            } catch (WebhookParseException again) {
                if (SymbolTables.failedIn(again)) {
                    renewFactory(retried);
                }
                throw again;
            }
        }
    }

    /** Replaces the factory, unless another thread has replaced it since {@code broken} was in use. */
    private synchronized void renewFactory(JsonFactory broken) {
        if (factory == broken) {
            factory = factory(limits);
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
            E event;
            try {
                event = events.readValue(json);
            } catch (JsonMappingException strict) {
                if (driftPolicy == DriftPolicy.REJECT || limitCrossed(strict) != null || strict instanceof RequiredProperties.Missing) {
                    throw strict;
                }
                return tolerant(source);
            }
            requireEnd(json);
            if (event instanceof UntypedEvent) {
                return untyped(tree(source));
            }
            return event;
        } catch (JsonProcessingException e) {
            throw failure(e, source);
        } catch (IOException | RuntimeException e) {
            throw unexpected(e);
        }
    }

    /**
     * Reads a body the strict reading refused once more, tolerating fields the schemas do not require that
     * came with another type; what is still refused is the body's failure.
     *
     * <p>This reading binds the body's tree with each object's scalar fields first. Jackson buffers the fields
     * that come before a type id ({@code trigger}, {@code entityType}); when the first of them is an object or
     * an array, the parser's context for the buffered tokens names one level twice, and the path of a drift
     * found there would be wrong. Scalars first, a type id is never preceded by an object or an array.
     */
    private E tolerant(Source source) {
        JsonNode tree;
        try {
            tree = tree(source);
        } catch (JsonProcessingException e) {
            throw syntax(e);
        } catch (IOException | RuntimeException e) {
            throw unexpected(e);
        }
        DriftLog drift = new DriftLog();
        try {
            E event = tolerantEvents.withAttribute(DriftLog.class, drift).readValue(scalarsFirst(tree));
            if (event instanceof TypedEvent typed) {
                Comparator<String> order = JsonPaths.documentOrder(tree);
                typed.schemaDrift(drift.entries().stream().sorted(Comparator.comparing(SchemaDrift::path, order)).toList());
            }
            return event;
        } catch (JsonMappingException e) {
            throw drift(e, tree);
        } catch (IOException | RuntimeException e) {
            throw unexpected(e);
        }
    }

    /** A copy of the tree whose objects list their scalar fields first, each group in its order. */
    private static JsonNode scalarsFirst(JsonNode node) {
        if (node.isObject()) {
            ObjectNode ordered = ((ObjectNode) node).objectNode();
            for (boolean scalars : new boolean[] {true, false}) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (field.getValue().isContainerNode() != scalars) {
                        ordered.set(field.getKey(), scalarsFirst(field.getValue()));
                    }
                }
            }
            return ordered;
        }
        if (node.isArray()) {
            ArrayNode items = ((ArrayNode) node).arrayNode(node.size());
            node.forEach(item -> items.add(scalarsFirst(item)));
            return items;
        }
        return node;
    }

    private static WebhookParseException unexpected(Exception e) {
        if (e instanceof WebhookParseException parseFailure) {
            return parseFailure;
        }
        return new WebhookParseException(WebhookParseException.Kind.UNREADABLE, "cannot parse the body: " + e, null, null, e);
    }

    /**
     * Says what Jackson found: a value that does not fit its field in a body that was valid JSON (which the
     * exception keeps), or else broken JSON or a bound crossed.
     */
    private WebhookParseException failure(JsonProcessingException e, Source source) {
        if (e instanceof JsonMappingException mapping && limitCrossed(e) == null) {
            try {
                return drift(mapping, tree(source));
            } catch (JsonProcessingException broken) {
                return syntax(broken);
            } catch (IOException unreadable) {
                return new WebhookParseException(WebhookParseException.Kind.UNREADABLE, "cannot parse the body: " + unreadable, null, null, unreadable);
            }
        }
        return syntax(e);
    }

    /** A value that does not fit its field, in a body that was valid JSON: where, what, and the body. */
    private static WebhookParseException drift(JsonMappingException mapping, JsonNode tree) {
        String problem = mapping instanceof RequiredProperties.Missing
                ? "required by the schema, but " + (isNullAt(tree, mapping.getPath()) ? "null" : "missing")
                : COERCION_HINT.matcher(mapping.getOriginalMessage()).replaceAll("");
        return new WebhookParseException(WebhookParseException.Kind.SCHEMA_DRIFT, problem, JsonPaths.of(mapping.getPath()), tree, mapping);
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

    /** Whether the value at the end of a binding failure's path is there, as null. */
    private static boolean isNullAt(JsonNode tree, List<JsonMappingException.Reference> path) {
        JsonNode node = tree;
        for (JsonMappingException.Reference step : path) {
            node = step.getFieldName() != null ? node.get(step.getFieldName()) : node.get(step.getIndex());
            if (node == null) {
                return false;
            }
        }
        return node.isNull();
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
