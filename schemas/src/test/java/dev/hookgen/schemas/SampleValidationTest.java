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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample is strict JSON and valid against the schema of its trigger. */
class SampleValidationTest {

    private static final SchemaContract CONTRACT = SchemaContract.ofThisModule();

    static Stream<String> samples() {
        return CONTRACT.samples().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleIsValidAgainstItsTrigger(String name) {
        CONTRACT.checkSample(name);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void idempotencyKeyIsComputableFromSample(String name) {
        CONTRACT.checkKeyIsComputable(name);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEntityRefMatchesTheVariantItsEntityTypeNames(String name) {
        CONTRACT.checkEntityRefs(name);
    }

    @Test
    void pageExamplesAndOwnSamplesArePresent() {
        List<String> names = CONTRACT.samples();
        for (String wire : SchemaContractTest.DOCUMENTED_TRIGGERS) {
            assertTrue(names.contains(wire + ".json"), "missing page example samples/" + wire + ".json");
        }
        for (String own : List.of("moderation_engine_approved.filter-failure.json", "message_sent.group-text.json",
                "message_sent.thread-image.json", "message_sent.custom.json", "message_sent.reactions-mentions.json",
                "message_deleted.group.json", "message_edited.group.json", "user_mentioned.group.json")) {
            assertTrue(names.contains(own), "missing samples/" + own);
        }
        CONTRACT.checkFileNames();
    }

    @Test
    void samplesCoverEveryDeclaredEntityKind() {
        Set<String> kinds = new TreeSet<>();
        samples().forEach(name -> {
            List<JsonNode> refs = new ArrayList<>();
            SchemaContract.collectEntityRefs(Contract.read(SAMPLES.resolve(name)), refs);
            refs.forEach(r -> kinds.add(r.get("entityType").asText()));
        });
        assertTrue(kinds.containsAll(CONTRACT.entityKinds().keySet()),
                "some declared entity kind has no sample: declared " + CONTRACT.entityKinds().keySet() + ", in samples " + kinds);
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
}
