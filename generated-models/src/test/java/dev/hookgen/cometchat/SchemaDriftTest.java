package dev.hookgen.cometchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.runtime.DriftPolicy;
import dev.hookgen.runtime.SchemaDrift;
import dev.hookgen.runtime.WebhookParseException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Required versus tolerated, for every field of every sample, with what each schema requires read from the schemas
 * themselves: a required field removed, nulled or of another type is SCHEMA_DRIFT naming its path; a field the
 * schema does not require, given another JSON type, still gives the trigger's typed event, the same JSON back, and
 * one {@code schemaDrift()} entry for exactly that path. A new trigger's schema and samples are covered as they are.
 */
class SchemaDriftTest {

    private static final SchemaFields SCHEMAS = SchemaFields.fromSystemProperty();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final WebhookParser STRICT = WebhookEvents.parser().withDriftPolicy(DriftPolicy.REJECT);

    static List<String> samples() {
        return Samples.names();
    }

    private static List<SchemaFields.Field> fields(String sample) {
        List<SchemaFields.Field> fields = SCHEMAS.of(Samples.trigger(sample), Samples.tree(Samples.bytes(sample)));
        assertTrue(fields.size() > 5, sample + ": the walk found the schema's fields");
        return fields;
    }

    private static JsonNode changed(String sample, JsonPointer at, Consumer<ContainerAndName> change) {
        JsonNode body = Samples.tree(Samples.bytes(sample));
        JsonNode parent = body.at(at.head());
        change.accept(new ContainerAndName(parent, at.last()));
        return Samples.tree(body.toString()); // as the parser's trees hold numbers
    }

    private record ContainerAndName(JsonNode container, JsonPointer step) {
        void remove() {
            if (container instanceof ObjectNode object) {
                object.remove(step.getMatchingProperty());
            } else {
                ((ArrayNode) container).remove(step.getMatchingIndex());
            }
        }

        void set(JsonNode value) {
            if (container instanceof ObjectNode object) {
                object.set(step.getMatchingProperty(), value);
            } else {
                ((ArrayNode) container).set(step.getMatchingIndex(), value);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aRequiredFieldRemovedOrNulledIsDriftNamingItsPath(String sample) {
        int checked = 0;
        for (SchemaFields.Field field : fields(sample)) {
            if (!field.required() || field.path().equals("$.trigger")) {
                continue; // a missing or null trigger has its own message: BadInputTest
            }
            for (boolean remove : new boolean[] {true, false}) {
                JsonNode body = changed(sample, field.pointer(), at -> {
                    if (remove) {
                        at.remove();
                    } else {
                        at.set(NODES.nullNode());
                    }
                });
                WebhookParseException e = assertThrows(WebhookParseException.class, () -> WebhookEvents.parse(body.toString()),
                        () -> sample + ": " + field.path() + (remove ? " removed" : " null"));
                assertEquals(WebhookParseException.Kind.SCHEMA_DRIFT, e.kind(), e.getMessage());
                assertEquals(field.path() + ": required by the schema, but " + (remove ? "missing" : "null"), e.getMessage(), sample);
                assertEquals(body, e.payload().orElseThrow());
                checked++;
            }
        }
        assertTrue(checked > 0, sample + " has required fields");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aRequiredFieldOfAnotherTypeIsDriftNamingItsPath(String sample) {
        for (SchemaFields.Field field : fields(sample)) {
            if (!field.required() || field.path().equals("$.trigger")) {
                continue;
            }
            for (JsonNode other : otherTypes(field.type())) {
                JsonNode body = changed(sample, field.pointer(), at -> at.set(other));
                WebhookParseException e = assertThrows(WebhookParseException.class, () -> WebhookEvents.parse(body.toString()),
                        () -> sample + ": " + field.path() + " as " + other);
                assertEquals(WebhookParseException.Kind.SCHEMA_DRIFT, e.kind(), e.getMessage());
                assertEquals(field.path(), e.location().orElseThrow(), e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void anOptionalFieldOfAnotherTypeIsToleratedKeptAndNamed(String sample) {
        Class<?> eventClass = Trigger.fromWireName(Samples.trigger(sample)).orElseThrow().eventType();
        for (SchemaFields.Field field : fields(sample)) {
            if (field.required()) {
                continue;
            }
            for (JsonNode other : otherTypes(field.type())) {
                checkTolerated(sample, eventClass, field, other);
            }
        }
    }

    private static void checkTolerated(String sample, Class<?> eventClass, SchemaFields.Field field, JsonNode other) {
        JsonNode body = changed(sample, field.pointer(), at -> at.set(other));
        String what = sample + ": " + field.path() + " as " + other;
        if (field.discriminator()) {
            WebhookParseException e = assertThrows(WebhookParseException.class, () -> WebhookEvents.parse(body.toString()), what);
            assertEquals(field.path() + ": must be a string, not " + other.getNodeType().name().toLowerCase(), e.getMessage());
            return;
        }
        WebhookEvent event = WebhookEvents.parse(body.toString());
        assertEquals(eventClass, event.getClass(), what);
        assertEquals(body, Samples.tree(WebhookEvents.toJson(event)), () -> what + ": written back as it came");
        assertEquals(List.of(new SchemaDrift(field.path(), field.type(), body.at(field.pointer()))), event.schemaDrift(), what);
        WebhookParseException strict = assertThrows(WebhookParseException.class, () -> STRICT.parse(body.toString()),
                () -> what + ": DriftPolicy.REJECT refuses it");
        assertEquals(field.path(), strict.location().orElseThrow(), what);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleFitsWithoutDrift(String sample) {
        WebhookEvent event = WebhookEvents.parse(Samples.bytes(sample));
        assertEquals(List.of(), event.schemaDrift());
        assertFalse(STRICT.parse(Samples.bytes(sample)) instanceof UnknownEvent);
    }

    /**
     * Values of other JSON types than {@code type}, none for a field whose schema leaves the type open: the ones real
     * payloads hold (numbers and booleans as strings, {@code rule.blockedAt} as a fractional string), and the ones
     * Jackson would read as null if let (blank strings, {@code "null"}, an empty array for an object), which would
     * then write back as nothing.
     */
    private static List<JsonNode> otherTypes(String type) {
        if (type == null) {
            return List.of();
        }
        List<JsonNode> blanks = List.of(NODES.textNode(""), NODES.textNode(" "), NODES.textNode("\t\r\n"), NODES.textNode("null"));
        List<JsonNode> containers = List.of(NODES.objectNode(), NODES.arrayNode());
        return switch (type) {
            case "string" -> List.of(NODES.numberNode(7L), NODES.numberNode(new java.math.BigDecimal("7.50")), NODES.booleanNode(false),
                    NODES.objectNode(), NODES.arrayNode().add("x"));
            case "integer" -> concat(List.of(NODES.textNode("1757955951.000000000390079"), NODES.textNode("7"), NODES.numberNode(
                    new java.math.BigDecimal("7.5")), NODES.booleanNode(true)), blanks, containers);
            case "number" -> concat(List.of(NODES.textNode("7.5"), NODES.booleanNode(true)), blanks, containers);
            case "boolean" -> concat(List.of(NODES.textNode("true"), NODES.numberNode(0L), NODES.numberNode(1L)), blanks, containers);
            case "object" -> concat(List.of(NODES.textNode("x"), NODES.numberNode(7L), NODES.arrayNode()), blanks);
            case "array" -> concat(List.of(NODES.textNode("x"), NODES.numberNode(7L), NODES.objectNode()), blanks);
            default -> throw new IllegalArgumentException("schema type " + type);
        };
    }

    @SafeVarargs
    private static List<JsonNode> concat(List<JsonNode>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
