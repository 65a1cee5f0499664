package dev.hookgen.schemas;

import static dev.hookgen.schemas.Contract.DEFINITIONS;
import static dev.hookgen.schemas.Contract.TRIGGERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules the generator relies on ({@link SchemaContract}), checked on every schema file this module
 * holds, and the triggers CometChat documents, checked to be present. Nothing here counts triggers: a
 * trigger added with {@code scaffold} is checked like the others, with no edit of this class.
 */
class SchemaContractTest {

    private static final SchemaContract CONTRACT = SchemaContract.ofThisModule();

    /** Every trigger on CometChat's events page, by wire name: each must have a schema and a page sample. */
    static final List<String> DOCUMENTED_TRIGGERS = List.of(
            "message_sent",
            "message_edited",
            "message_deleted",
            "message_delivery_receipt",
            "message_read_receipt",
            "message_reaction_added",
            "message_reaction_removed",
            "user_mentioned",
            "message_delivered_to_all",
            "message_read_by_all",
            "user_blocked",
            "user_unblocked",
            "user_connection_status_changed",
            "group_member_banned",
            "group_member_unbanned",
            "group_member_scope_changed",
            "group_created",
            "group_updated",
            "group_deleted",
            "group_member_joined",
            "group_member_left",
            "group_member_added",
            "group_member_kicked",
            "group_owner_transferred",
            "call_initiated",
            "call_started",
            "call_participant_joined",
            "call_participant_left",
            "call_ended",
            "meeting_started",
            "recording_generated",
            "meeting_participant_joined",
            "meeting_participant_left",
            "meeting_ended",
            "moderation_engine_approved",
            "moderation_engine_blocked",
            "moderation_manual_approved");

    /** The documented call and meeting session triggers carry the top-level {@code type}, fixed to one value. */
    static final Map<String, String> SESSION_TYPES = new TreeMap<>(Map.of(
            "call_started", "call",
            "call_participant_joined", "call",
            "call_participant_left", "call",
            "call_ended", "call",
            "meeting_started", "meet",
            "meeting_participant_joined", "meet",
            "meeting_participant_left", "meet",
            "meeting_ended", "meet"));

    static Stream<String> triggers() {
        return CONTRACT.triggers().stream();
    }

    static Stream<Path> allSchemaFiles() {
        return CONTRACT.schemaFiles().stream();
    }

    // ------------------------------------------------------------------------------------------ triggers

    @Test
    void theDocumentedTriggersArePresent() {
        assertEquals(DOCUMENTED_TRIGGERS.size(), new TreeSet<>(DOCUMENTED_TRIGGERS).size(), "duplicate wire name in DOCUMENTED_TRIGGERS");
        List<String> present = CONTRACT.triggers();
        for (String wire : DOCUMENTED_TRIGGERS) {
            assertTrue(present.contains(wire), "the events page documents " + wire + ": missing triggers/" + wire + ".json");
            CONTRACT.checkPageSample(wire);
        }
    }

    @Test
    void fileNamesAreWireNames() {
        CONTRACT.checkFileNames();
    }

    @ParameterizedTest
    @MethodSource("triggers")
    void everyTriggerHasItsPageSample(String wire) {
        CONTRACT.checkPageSample(wire);
    }

    @ParameterizedTest
    @MethodSource("triggers")
    void triggerSchemaFollowsTheTemplate(String wire) {
        CONTRACT.checkTrigger(wire);
    }

    @Test
    void documentedSessionTriggersFixTheirType() {
        SESSION_TYPES.forEach((wire, session) -> {
            String file = "triggers/" + wire + ".json";
            JsonNode s = Contract.read(TRIGGERS.resolve(wire + ".json"));
            assertTrue(s.path("properties").has("type"), file + ": a session trigger declares the top-level type");
            assertEquals(session, s.at("/allOf/0/properties/type/const").asText(),
                    file + ": /allOf/0 must fix type to \"" + session + "\"");
        });
    }

    @ParameterizedTest
    @MethodSource("triggers")
    void idempotencyKeyPointsAtDeclaredProperties(String wire) {
        CONTRACT.checkIdempotencyKey(wire);
    }

    // ------------------------------------------------------------------------------------------ definitions

    @Test
    void everyDefinitionIsNamedAndDescribed() {
        CONTRACT.checkDefinitions();
    }

    @Test
    void everyJavaTypeIsDeclaredOnce() {
        CONTRACT.checkJavaTypesDeclaredOnce();
    }

    @Test
    void discriminatedEntityRefHasOneFallbackVariant() {
        JsonNode ref = Contract.read(DEFINITIONS.resolve("entity-ref.json"));
        assertEquals("entityType", ref.at("/x-hookgen-discriminator/propertyName").asText());
        Map<String, String> kinds = CONTRACT.entityKinds();
        kinds.forEach((kind, file) -> assertEquals(kind + "-ref.json", file, "the variant of kind " + kind + " is <kind>-ref.json"));
        for (JsonNode variant : ref.path("oneOf")) {
            String target = variant.path("$ref").asText();
            assertEquals(List.of("entityType", "entity"), SchemaContract.strings(Contract.read(DEFINITIONS.resolve(target)).path("required")),
                    target + ": /required");
        }
        assertTrue(kinds.keySet().containsAll(List.of("user", "group", "message", "call")),
                "the kinds the events page shows are declared: " + kinds.keySet());
        assertEquals(ref.path("oneOf").size(), kinds.size() + 1, "exactly one variant without const");
        String fallbackFile = CONTRACT.fallbackEntityRef();
        assertEquals("unknown-entity-ref.json", fallbackFile);
        JsonNode fallback = Contract.read(DEFINITIONS.resolve(fallbackFile));
        assertEquals(new TreeSet<>(kinds.keySet()),
                new TreeSet<>(SchemaContract.strings(fallback.at("/properties/entityType/not/enum"))),
                "the fallback must exclude exactly the declared kinds");
        assertEquals("com.fasterxml.jackson.databind.node.ObjectNode",
                fallback.at("/properties/entity/existingJavaType").asText());
        assertTrue(Files.isRegularFile(DEFINITIONS.resolve("user.json")));
    }

    // ------------------------------------------------------------------------------------------ all files

    @ParameterizedTest
    @MethodSource("allSchemaFiles")
    void everyRefResolves(Path file) {
        CONTRACT.checkRefs(file);
    }

    @ParameterizedTest
    @MethodSource("allSchemaFiles")
    void generatorRulesHold(Path file) {
        CONTRACT.checkGeneratorRules(file);
    }

    @ParameterizedTest
    @MethodSource("allSchemaFiles")
    void propertiesAreDescribedOrReferenced(Path file) {
        CONTRACT.checkDescriptions(file);
    }
}
