package dev.hookgen.schemas;

import static dev.hookgen.schemas.Contract.DEFINITIONS;
import static dev.hookgen.schemas.Contract.SAMPLES;
import static dev.hookgen.schemas.Contract.TRIGGERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample is strict JSON and valid against the schema of its trigger. */
class SampleValidationTest {

    static Stream<String> samples() {
        return Contract.jsonFiles(SAMPLES).stream();
    }

    private static String triggerOf(String sampleName) {
        return sampleName.substring(0, sampleName.indexOf('.'));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleIsValidAgainstItsTrigger(String name) {
        String wire = triggerOf(name);
        assertTrue(SchemaContractTest.WIRE_NAMES.contains(wire), "samples/" + name + ": unknown trigger " + wire);
        JsonNode sample = Contract.read(SAMPLES.resolve(name));
        assertEquals(wire, sample.path("trigger").asText(), "samples/" + name + ": trigger must equal the file prefix");
        Set<ValidationMessage> errors = Contract.validate(TRIGGERS.resolve(wire + ".json"), sample);
        assertTrue(errors.isEmpty(), "samples/" + name + " against triggers/" + wire + ".json:" + Contract.describe(errors));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void idempotencyKeyIsComputableFromSample(String name) {
        JsonNode sample = Contract.read(SAMPLES.resolve(name));
        JsonNode schema = Contract.read(TRIGGERS.resolve(triggerOf(name) + ".json"));
        for (KeyParts part : KeyParts.of(schema)) {
            JsonNode value = sample.at(part.pointer());
            boolean computable = switch (part.kind()) {
                case KeyParts.KEYS -> value.isObject();
                case KeyParts.DIGEST -> !value.isMissingNode() && !value.isNull();
                default -> value.isValueNode() && !value.isNull();
            };
            assertTrue(computable, "samples/" + name + ": key part " + part.text() + " is missing or of the wrong kind");
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEntityRefMatchesTheVariantItsEntityTypeNames(String name) {
        List<JsonNode> refs = new ArrayList<>();
        collectEntityRefs(Contract.read(SAMPLES.resolve(name)), refs);
        for (JsonNode ref : refs) {
            String kind = ref.get("entityType").asText();
            Path variant = DEFINITIONS.resolve(kind + "-ref.json");
            assertTrue(Files.isRegularFile(variant), "samples/" + name + ": realistic samples use declared kinds, not " + kind);
            Set<ValidationMessage> errors = Contract.validate(variant, ref);
            assertTrue(errors.isEmpty(), "samples/" + name + ": " + kind + " reference:" + Contract.describe(errors));
        }
    }

    @Test
    void pageExamplesAndOwnSamplesArePresent() {
        List<String> names = Contract.jsonFiles(SAMPLES);
        for (String wire : SchemaContractTest.WIRE_NAMES) {
            assertTrue(names.contains(wire + ".json"), "missing page example samples/" + wire + ".json");
        }
        for (String own : List.of("moderation_engine_approved.filter-failure.json", "message_sent.group-text.json",
                "message_sent.thread-image.json", "message_sent.custom.json", "message_sent.reactions-mentions.json",
                "message_deleted.group.json", "message_edited.group.json", "user_mentioned.group.json")) {
            assertTrue(names.contains(own), "missing samples/" + own);
        }
        for (String name : names) {
            assertTrue(name.matches("[a-z_]+(\\.[a-z0-9-]+)?\\.json"), "samples/" + name + ": name is <wire_name>[.<variant>].json");
        }
    }

    @Test
    void samplesCoverEveryDeclaredEntityKind() {
        Map<String, Integer> kinds = new TreeMap<>();
        samples().forEach(name -> {
            List<JsonNode> refs = new ArrayList<>();
            collectEntityRefs(Contract.read(SAMPLES.resolve(name)), refs);
            refs.forEach(r -> kinds.merge(r.get("entityType").asText(), 1, Integer::sum));
        });
        assertEquals(new TreeSet<>(List.of("call", "group", "message", "user")), kinds.keySet());
    }

    @Test
    void groupTextReceiverIsAGroupReference() {
        JsonNode receiver = Contract.read(SAMPLES.resolve("message_sent.group-text.json"))
                .at("/data/message/data/entities/receiver");
        assertEquals("group", receiver.path("entityType").asText());
        assertTrue(Contract.validate(DEFINITIONS.resolve("group-ref.json"), receiver).isEmpty());
        assertFalse(Contract.validate(DEFINITIONS.resolve("user-ref.json"), receiver).isEmpty(),
                "a group reference must not pass as a user reference");
        assertFalse(Contract.validate(DEFINITIONS.resolve("unknown-entity-ref.json"), receiver).isEmpty(),
                "a declared kind must not fall through to the fallback");
    }

    @Test
    void deletedInGroupIsForAGroupAndOnAMessage() {
        JsonNode entities = Contract.read(SAMPLES.resolve("message_deleted.group.json")).at("/data/message/data/entities");
        assertEquals("group", entities.at("/for/entityType").asText());
        assertEquals("message", entities.at("/on/entityType").asText());
        assertTrue(Contract.validate(DEFINITIONS.resolve("group-ref.json"), entities.get("for")).isEmpty());
        assertTrue(Contract.validate(DEFINITIONS.resolve("message-ref.json"), entities.get("on")).isEmpty());
    }

    @Test
    void unknownEntityTypeFallsBackAndStaysValid() {
        ObjectNode sample = (ObjectNode) Contract.read(SAMPLES.resolve("message_sent.json"));
        ObjectNode receiver = (ObjectNode) sample.at("/data/message/data/entities/receiver");
        receiver.put("entityType", "bot");
        ((ObjectNode) receiver.get("entity")).put("botId", "helper-1");
        assertTrue(Contract.validate(TRIGGERS.resolve("message_sent.json"), sample).isEmpty(),
                "an undeclared entityType is accepted by the fallback variant");
        assertTrue(Contract.validate(DEFINITIONS.resolve("unknown-entity-ref.json"), receiver).isEmpty());
        assertFalse(Contract.validate(DEFINITIONS.resolve("user-ref.json"), receiver).isEmpty());
    }

    @Test
    void unknownFieldsAreAccepted() {
        JsonNode sample = Contract.read(SAMPLES.resolve("message_sent.reactions-mentions.json"));
        assertTrue(sample.has("origin") && sample.has("chatAPIVersion"), "sample carries extra envelope keys");
        assertTrue(Contract.validate(TRIGGERS.resolve("message_sent.json"), sample).isEmpty());
    }

    @Test
    void strictReaderRejectsDuplicateKeysAndTrailingCommas() {
        assertThrows(JsonProcessingException.class, () -> Contract.STRICT.readTree("{\"id\": \"1\", \"id\": \"2\"}"));
        assertThrows(JsonProcessingException.class, () -> Contract.STRICT.readTree("{\"a\": {\"b\": 1},}"));
        assertThrows(JsonProcessingException.class, () -> Contract.STRICT.readTree("{\"a\": \"x\",, \"b\": 1}"));
    }

    /** Every object with both {@code entity} and {@code entityType}, depth first. */
    private static void collectEntityRefs(JsonNode node, List<JsonNode> out) {
        if (node.isObject()) {
            if (node.has("entity") && node.has("entityType")) {
                out.add(node);
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collectEntityRefs(it.next(), out);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectEntityRefs(child, out));
        }
    }
}
