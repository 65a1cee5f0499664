package dev.hookgen.generator.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.TestSchemas;
import dev.hookgen.generator.schema.SchemaSet;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaScaffolderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SchemaSet schemas;

    /** The wire names the tests scaffold: triggers the project must not have (a copy leaves them out if it does). */
    private static final String[] NEW_TRIGGERS = {"group_pinned", "message_pinned", "user_scored", "call_transcript_generated",
        "user_poked", "weather_changed", "thing_moved"};

    @BeforeAll
    static void read(@TempDir Path temp) {
        schemas = SchemaSet.read(TestSchemas.copyWithout(temp.resolve("schemas"), NEW_TRIGGERS));
    }

    private static Draft scaffold(String wireName, String data) throws Exception {
        JsonNode sample = JSON.readTree("{\"trigger\": \"" + wireName + "\", \"data\": " + data
                + ", \"appId\": \"a\", \"region\": \"us\", \"webhook\": \"w\"}");
        return SchemaScaffolder.scaffold(sample, wireName, schemas, GeneratorConfig.DEFAULT_PACKAGE);
    }

    private static JsonNode data(Draft draft) {
        return draft.schema().path("properties").path("data");
    }

    @Test
    void objectsThatMatchASharedDefinitionBecomeReferencesToIt() throws Exception {
        Draft draft = scaffold("group_pinned", """
                {"group": {"guid": "g1", "name": "Hiking", "membersCount": 3},
                 "actor": {"uid": "u1", "name": "Ann", "lastActiveAt": 1696934440},
                 "target": {"entity": {"uid": "u2"}, "entityType": "user"},
                 "members": {"u2": {"uid": "u2"}, "u3": {"uid": "u3", "name": "Bo"}},
                 "metadata": {"anything": [1, 2]}}
                """);
        JsonNode properties = data(draft).path("properties");
        assertEquals("../definitions/group.json", properties.path("group").path("$ref").asText());
        assertEquals("../definitions/user.json", properties.path("actor").path("$ref").asText());
        assertEquals("../definitions/entity-ref.json", properties.path("target").path("$ref").asText());
        assertEquals("../definitions/user-map.json", properties.path("members").path("$ref").asText());
        assertEquals("java.util.Map<java.lang.String,java.lang.Object>", properties.path("metadata").path("existingJavaType").asText());
        assertEquals("dev.hookgen.cometchat.model.GroupPinnedEventData", data(draft).path("javaType").asText());
        assertTrue(draft.notes().contains("/data/group: matches definitions/group.json (Group)."), draft.notes().toString());
        assertTrue(draft.notes().contains("/data/target: matches definitions/entity-ref.json (EntityRef)."), draft.notes().toString());
    }

    @Test
    void aMessageIsAMessageNotAnyOfTheLooserShapes() throws Exception {
        String message = JSON.readTree(TestSchemas.directory().resolve("samples/message_sent.json").toFile())
                .path("data").path("message").toString();
        Draft draft = scaffold("message_pinned", "{\"message\": " + message + ", \"note\": \"x\"}");
        assertEquals("../definitions/message.json", data(draft).path("properties").path("message").path("$ref").asText());
    }

    @Test
    void anObjectMostlyMadeOfUndeclaredKeysIsNotTheDefinitionItsRequiredFieldsSuggest() throws Exception {
        Draft draft = scaffold("user_scored", "{\"score\": {\"uid\": \"u1\", \"points\": 3, \"rank\": 1}}");
        JsonNode score = data(draft).path("properties").path("score");
        assertEquals("dev.hookgen.cometchat.model.UserScoredScore", score.path("javaType").asText());
        assertEquals("integer", score.path("properties").path("points").path("type").asText());
    }

    @Test
    void valuesAreTypedFromTheSampleAndStringsStayStrings() throws Exception {
        Draft draft = scaffold("call_transcript_generated", """
                {"sessionId": "v1.us.1", "duration": "12.5", "startedAt": 1696935103114, "words": 9007199254740993,
                 "final": true, "confidence": 0.93, "speakers": [], "lines": [{"text": "hi", "at": 1}, {"text": "yo"}],
                 "unknown": null}
                """);
        JsonNode properties = data(draft).path("properties");
        assertEquals("string", properties.path("duration").path("type").asText());
        assertEquals("integer", properties.path("startedAt").path("type").asText());
        assertEquals("Inferred from sample: review. Example: 1696935103114. Looks like epoch milliseconds.",
                properties.path("startedAt").path("description").asText());
        assertEquals("integer", properties.path("words").path("type").asText());
        assertEquals("boolean", properties.path("final").path("type").asText());
        assertEquals("number", properties.path("confidence").path("type").asText());
        assertFalse(properties.path("speakers").has("items"));
        JsonNode line = properties.path("lines").path("items");
        assertEquals("dev.hookgen.cometchat.model.CallTranscriptGeneratedLine", line.path("javaType").asText());
        assertEquals("[\"text\",\"at\"]", JSON.valueToTree(line.path("properties").properties().stream()
                .map(java.util.Map.Entry::getKey).toList()).toString());
        assertFalse(properties.path("unknown").has("type"));
        assertTrue(draft.notes().contains("/data/unknown: null in the sample, so its type is unknown; left without a type (Object): give it one."),
                draft.notes().toString());
    }

    @Test
    void theKeyIsTheSubjectAndTheEventsOwnTimeAndADigestOfDataAndEachPartIsRequired() throws Exception {
        Draft draft = scaffold("user_poked", "{\"poke\": {\"count\": 1}, \"by\": {\"uid\": \"u1\", \"lastActiveAt\": 1696935105},"
                + " \"pokedAt\": 1696935106}");
        assertEquals("[\"/appId\",\"/webhook\",\"/trigger\",\"/data/by/uid\",\"/data/pokedAt\",\"digest(/data)\"]",
                draft.schema().path("x-hookgen-idempotency-key").toString());
        assertEquals("[\"by\",\"pokedAt\"]", data(draft).path("required").toString());
        assertFalse(draft.schema().has("allOf"), "user.json requires uid already");
        assertEquals(SchemaScaffolder.REVIEW + " `/data/by/uid` names the subject; `/data/pokedAt` is the event's own time;"
                + " `digest(/data)` as well, because a draft cannot know that these parts are all that tells two occurrences apart:"
                + " with it, any other field of data does too, and the worst case is a retry delivered twice, never an event dropped;"
                + " narrow the key once you know, and list what it leaves out in x-hookgen-idempotency-key-excludes.",
                draft.schema().path("x-hookgen-idempotency-key-reason").asText());
        assertEquals(java.util.List.of("$schema", "$comment", "title", "description", "type", "javaType", "x-hookgen-trigger",
                "x-hookgen-idempotency-key", "x-hookgen-idempotency-key-reason", "required", "properties"),
                draft.schema().properties().stream().map(java.util.Map.Entry::getKey).toList());
    }

    /** A user's lastActiveAt is rendered at delivery time: two pokes can share it, and a retry can change it. */
    @Test
    void aSnapshotIsNotTheEventsTimeSoWithoutOneTheKeyTakesADigestOfData() throws Exception {
        Draft draft = scaffold("user_poked", "{\"poke\": {\"count\": 1}, \"by\": {\"uid\": \"u1\", \"lastActiveAt\": 1696935105}}");
        assertEquals("[\"/appId\",\"/webhook\",\"/trigger\",\"/data/by/uid\",\"digest(/data)\"]",
                draft.schema().path("x-hookgen-idempotency-key").toString());
        assertEquals("[\"by\"]", data(draft).path("required").toString());
        assertFalse(draft.schema().has("allOf"), "lastActiveAt is not a key part, so it stays optional");
        assertTrue(draft.schema().path("x-hookgen-idempotency-key-reason").asText().contains("no time of the event's own was found"
                + " (no timestamp besides snapshots), so `digest(/data)` tells two occurrences apart"));
    }

    @Test
    void theTimeOfAnotherObjectIsNotTheEventsOwn() throws Exception {
        Draft draft = scaffold("item_flagged", "{\"item\": {\"id\": \"i1\", \"flaggedAt\": 1696935105,"
                + " \"owner\": {\"uid\": \"u1\", \"createdAt\": 1600000000}}}");
        assertEquals("[\"/appId\",\"/webhook\",\"/trigger\",\"/data/item/id\",\"/data/item/flaggedAt\",\"digest(/data)\"]",
                draft.schema().path("x-hookgen-idempotency-key").toString(), "a time beside the subject's id is the subject's");
        Draft nested = scaffold("item_flagged", "{\"item\": {\"id\": \"i1\", \"owner\": {\"uid\": \"u1\", \"createdAt\": 1600000000}}}");
        assertEquals("[\"/appId\",\"/webhook\",\"/trigger\",\"/data/item/id\",\"digest(/data)\"]",
                nested.schema().path("x-hookgen-idempotency-key").toString(), "the owner's creation is not the flagging");
    }

    /** The pair: kicking user-a and user-b differ only in the keys of members, so the key takes them. */
    @Test
    void theKeysOfAMapOfMembersAreInTheKey() throws Exception {
        Draft draft = scaffold("group_member_poked", """
                {"group": {"guid": "g1", "name": "Hiking", "membersCount": 3, "updatedAt": 1696933889},
                 "members": {"user-a": {"uid": "user-a", "name": "Ann"}},
                 "by": {"uid": "admin", "lastActiveAt": 1696933881},
                 "counts": {"user-a": 1}}
                """);
        assertEquals("[\"/appId\",\"/webhook\",\"/trigger\",\"/data/group/guid\",\"keys(/data/members)\",\"digest(/data)\"]",
                draft.schema().path("x-hookgen-idempotency-key").toString());
        assertEquals("../definitions/group-members-event-data.json", data(draft).path("$ref").asText());
        assertFalse(draft.schema().has("allOf"), "the shared shape requires group (and its guid) and members already");
        assertTrue(draft.schema().path("x-hookgen-idempotency-key-reason").asText()
                .contains("`keys(/data/members)` the ones it concerns, which are the map's keys"));
    }

    @Test
    void withoutAnIdTheNoteSaysSo() throws Exception {
        Draft draft = scaffold("weather_changed", "{\"sky\": \"grey\"}");
        assertEquals("[\"/appId\",\"/webhook\",\"/trigger\",\"digest(/data)\"]", draft.schema().path("x-hookgen-idempotency-key").toString());
        assertTrue(draft.notes().stream().anyMatch(n -> n.contains("no id-like field was found: add the fields that identify one event")),
                draft.notes().toString());
    }

    @Test
    void inlineClassNamesAreUnique() throws Exception {
        Draft draft = scaffold("thing_moved", "{\"from\": {\"place\": {\"x\": 1}}, \"to\": {\"place\": {\"x\": 2}}}");
        JsonNode properties = data(draft).path("properties");
        assertEquals("dev.hookgen.cometchat.model.ThingMovedPlace",
                properties.path("from").path("properties").path("place").path("javaType").asText());
        assertEquals("dev.hookgen.cometchat.model.ThingMovedToPlace",
                properties.path("to").path("properties").path("place").path("javaType").asText());
    }

    @Test
    void refusesATriggerThatExists() throws Exception {
        ScaffoldException e = assertThrows(ScaffoldException.class, () -> scaffold("message_sent", "{}"));
        assertEquals("trigger \"message_sent\" already exists: triggers/message_sent.json;"
                + " scaffold only writes new triggers, edit that schema by hand", e.getMessage());
    }

    @Test
    void refusesASampleOfAnotherTrigger() throws Exception {
        JsonNode sample = JSON.readTree("{\"trigger\": \"message_sent\", \"data\": {}}");
        ScaffoldException e = assertThrows(ScaffoldException.class,
                () -> SchemaScaffolder.scaffold(sample, "message_pinned", schemas, GeneratorConfig.DEFAULT_PACKAGE));
        assertEquals("the sample's \"trigger\" must be \"message_pinned\", got \"message_sent\"", e.getMessage());
    }

    @Test
    void theDraftIsLaidOutLikeTheHandWrittenSchemas() throws Exception {
        String text = scaffold("user_poked", "{\"by\": {\"uid\": \"u1\"}}").text();
        assertTrue(text.startsWith("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n"), text);
        assertTrue(text.contains("\n  \"required\": [\"trigger\", \"data\", \"appId\", \"region\", \"webhook\"],\n"), text);
        assertTrue(text.endsWith("}\n"), text);
    }
}
