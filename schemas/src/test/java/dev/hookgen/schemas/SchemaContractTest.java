package dev.hookgen.schemas;

import static dev.hookgen.schemas.Contract.DEFINITIONS;
import static dev.hookgen.schemas.Contract.EVENT_PACKAGE;
import static dev.hookgen.schemas.Contract.MODEL_PACKAGE;
import static dev.hookgen.schemas.Contract.SAMPLES;
import static dev.hookgen.schemas.Contract.SCHEMA_DRAFT_07;
import static dev.hookgen.schemas.Contract.TRIGGERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules the generator relies on, checked on every schema file. A failure names the file, the JSON
 * pointer inside it and the broken rule.
 */
class SchemaContractTest {

    /** Every trigger on CometChat's events page, by wire name. Adding a trigger starts here. */
    static final List<String> WIRE_NAMES = List.of(
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

    /** Call and meeting session triggers carry the top-level {@code type}. */
    static final Map<String, String> SESSION_TYPES = new TreeMap<>(Map.of(
            "call_started", "call",
            "call_participant_joined", "call",
            "call_participant_left", "call",
            "call_ended", "call",
            "meeting_started", "meet",
            "meeting_participant_joined", "meet",
            "meeting_participant_left", "meet",
            "meeting_ended", "meet"));

    private static final List<String> ENVELOPE = List.of("appId", "region", "webhook");
    private static final String ENVELOPE_FILE = "envelope.json";

    static Stream<String> wireNames() {
        return WIRE_NAMES.stream();
    }

    static Stream<Path> allSchemaFiles() {
        return Stream.concat(
                Contract.jsonFiles(DEFINITIONS).stream().map(DEFINITIONS::resolve),
                Contract.jsonFiles(TRIGGERS).stream().map(TRIGGERS::resolve));
    }

    // ------------------------------------------------------------------------------------------ triggers

    @Test
    void triggerFolderHoldsExactlyTheListedTriggers() {
        assertEquals(37, WIRE_NAMES.size(), "the events page documents 37 triggers");
        assertEquals(WIRE_NAMES.size(), new TreeSet<>(WIRE_NAMES).size(), "duplicate wire name in WIRE_NAMES");
        Set<String> expected = new TreeSet<>();
        WIRE_NAMES.forEach(w -> expected.add(w + ".json"));
        assertEquals(expected, new TreeSet<>(Contract.jsonFiles(TRIGGERS)),
                "triggers/ must hold one <wire_name>.json per listed trigger and nothing else");
    }

    @ParameterizedTest
    @MethodSource("wireNames")
    void everyTriggerHasItsPageSample(String wire) {
        assertTrue(Files.isRegularFile(SAMPLES.resolve(wire + ".json")), "missing samples/" + wire + ".json");
    }

    @ParameterizedTest
    @MethodSource("wireNames")
    void triggerSchemaFollowsTheTemplate(String wire) {
        String file = "triggers/" + wire + ".json";
        JsonNode s = Contract.read(TRIGGERS.resolve(wire + ".json"));
        assertEquals(SCHEMA_DRAFT_07, s.path("$schema").asText(), file + ": $schema");
        assertEquals(wire, s.path("title").asText(), file + ": title must be the wire name");
        assertFalse(s.path("description").asText().isBlank(), file + ": description missing");
        assertEquals("object", s.path("type").asText(), file + ": type");
        assertEquals(EVENT_PACKAGE + Contract.pascal(wire) + "Event", s.path("javaType").asText(), file + ": javaType");
        assertEquals(wire, s.path("x-hookgen-trigger").asText(), file + ": x-hookgen-trigger must equal the file name");

        JsonNode trigger = s.path("properties").path("trigger");
        assertEquals("string", trigger.path("type").asText(), file + ": /properties/trigger/type");
        assertEquals(wire, trigger.path("const").asText(), file + ": /properties/trigger/const");
        assertTrue(s.path("properties").path("data").has("$ref"), file + ": /properties/data must be a $ref");

        List<String> required = strings(s.path("required"));
        for (String field : List.of("trigger", "data", "appId", "region", "webhook")) {
            assertTrue(required.contains(field), file + ": /required lacks " + field);
        }
        for (String field : ENVELOPE) {
            assertEquals("../definitions/envelope.json#/definitions/" + field,
                    s.path("properties").path(field).path("$ref").asText(), file + ": /properties/" + field);
        }
        String session = SESSION_TYPES.get(wire);
        if (session == null) {
            assertFalse(s.path("properties").has("type"), file + ": only session triggers declare a top-level type");
        } else {
            assertTrue(required.contains("type"), file + ": /required lacks type");
            assertEquals("../definitions/envelope.json#/definitions/sessionType",
                    s.path("properties").path("type").path("$ref").asText(), file + ": /properties/type");
            assertEquals(session, s.at("/allOf/0/properties/type/const").asText(),
                    file + ": /allOf/0 must fix type to \"" + session + "\"");
        }
    }

    @ParameterizedTest
    @MethodSource("wireNames")
    void idempotencyKeyPointsAtDeclaredProperties(String wire) {
        Path file = TRIGGERS.resolve(wire + ".json");
        JsonNode key = Contract.read(file).path("x-hookgen-idempotency-key");
        assertTrue(key.isArray() && key.size() > 0, file + ": x-hookgen-idempotency-key must be a non-empty array");
        List<String> parts = strings(key);
        assertEquals(List.of("/webhook", "/trigger"), parts.subList(0, 2),
                file + ": a key starts with the webhook id and the trigger");
        assertEquals(parts.size(), new TreeSet<>(parts).size(), file + ": duplicate part in key");
        for (String part : parts) {
            KeyParts parsed = KeyParts.parse(part);
            Target target = declaredProperty(file, parsed.pointer());
            if (parsed.kind().equals(KeyParts.KEYS)) {
                assertTrue(target.node().path("existingJavaType").asText().startsWith("java.util.Map<java.lang.String,"),
                        file + ": " + part + " must name a map keyed by id");
            }
        }
        assertFalse(Contract.read(file).path("x-hookgen-idempotency-key-reason").asText().isBlank(),
                file + ": x-hookgen-idempotency-key-reason must say why the key identifies one occurrence");
        Contract.read(file).path("x-hookgen-idempotency-key-excludes").properties().forEach(e -> {
            assertTrue(e.getKey().startsWith("/data/"), file + ": exclusion " + e.getKey() + " is a pointer into data");
            assertFalse(e.getValue().asText().isBlank(), file + ": exclusion " + e.getKey() + " needs its reason");
        });
    }

    // ------------------------------------------------------------------------------------------ definitions

    @Test
    void everyDefinitionIsNamedAndDescribed() {
        List<String> names = Contract.jsonFiles(DEFINITIONS);
        assertTrue(names.contains(ENVELOPE_FILE), "definitions/envelope.json missing");
        for (String name : names) {
            String where = "definitions/" + name;
            assertTrue(name.matches("[a-z0-9]+(-[a-z0-9]+)*\\.json"), where + ": file names are kebab-case");
            JsonNode s = Contract.read(DEFINITIONS.resolve(name));
            assertEquals(SCHEMA_DRAFT_07, s.path("$schema").asText(), where + ": $schema");
            assertFalse(s.path("title").asText().isBlank(), where + ": title missing");
            assertFalse(s.path("description").asText().isBlank(), where + ": description missing");
            if (name.equals(ENVELOPE_FILE)) {
                assertTrue(s.path("definitions").isObject(), where + ": must hold definitions");
                assertFalse(s.has("type") || s.has("properties") || s.has("javaType"),
                        where + ": a container of definitions only, it becomes no class");
                continue;
            }
            assertEquals("object", s.path("type").asText(), where + ": type");
            String javaType = s.path("javaType").asText(null);
            String existing = s.path("existingJavaType").asText(null);
            assertTrue(javaType != null ^ existing != null, where + ": needs exactly one of javaType, existingJavaType");
            if (javaType != null) {
                assertTrue(javaType.startsWith(MODEL_PACKAGE) && javaType.lastIndexOf('.') == MODEL_PACKAGE.length() - 1,
                        where + ": javaType " + javaType + " must be a class in " + MODEL_PACKAGE);
            }
        }
    }

    @Test
    void everyJavaTypeIsDeclaredOnce() {
        Map<String, List<String>> declared = new TreeMap<>();
        allSchemaFiles().forEach(file -> walk(file, Contract.read(file), "", false, false, (node, where, validationOnly, underNot) -> {
            if (node.has("javaType")) {
                declared.computeIfAbsent(node.get("javaType").asText(), k -> new ArrayList<>()).add(where);
            }
        }));
        declared.forEach((type, places) ->
                assertEquals(1, places.size(), "javaType " + type + " declared more than once: " + places));
        assertTrue(declared.containsKey(MODEL_PACKAGE + "User"));
    }

    @Test
    void discriminatedEntityRefHasOneFallbackVariant() {
        JsonNode ref = Contract.read(DEFINITIONS.resolve("entity-ref.json"));
        assertEquals("entityType", ref.at("/x-hookgen-discriminator/propertyName").asText());
        Map<String, String> kinds = new TreeMap<>();
        List<String> fallbacks = new ArrayList<>();
        for (JsonNode variant : ref.path("oneOf")) {
            String target = variant.path("$ref").asText();
            JsonNode v = Contract.read(DEFINITIONS.resolve(target));
            assertEquals(List.of("entityType", "entity"), strings(v.path("required")), target + ": /required");
            JsonNode type = v.at("/properties/entityType");
            if (type.has("const")) {
                kinds.put(type.get("const").asText(), target);
            } else {
                fallbacks.add(target);
            }
        }
        assertEquals(Map.of("user", "user-ref.json", "group", "group-ref.json", "message", "message-ref.json",
                "call", "call-ref.json"), kinds);
        assertEquals(List.of("unknown-entity-ref.json"), fallbacks, "exactly one variant without const");
        JsonNode fallback = Contract.read(DEFINITIONS.resolve("unknown-entity-ref.json"));
        assertEquals(new TreeSet<>(kinds.keySet()),
                new TreeSet<>(strings(fallback.at("/properties/entityType/not/enum"))),
                "the fallback must exclude exactly the declared kinds");
        assertEquals("com.fasterxml.jackson.databind.node.ObjectNode",
                fallback.at("/properties/entity/existingJavaType").asText());
    }

    // ------------------------------------------------------------------------------------------ all files

    @ParameterizedTest
    @MethodSource("allSchemaFiles")
    void everyRefResolves(Path file) {
        walk(file, Contract.read(file), "", false, false, (node, where, validationOnly, underNot) -> {
            if (node.has("$ref")) {
                resolve(file, where, node.get("$ref").asText());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("allSchemaFiles")
    void generatorRulesHold(Path file) {
        walk(file, Contract.read(file), "", false, false, (node, where, validationOnly, underNot) -> {
            String at = file + ": " + (where.isEmpty() ? "/" : where) + ": ";
            if (node.has("enum") && !underNot) {
                fail(at + "enum outside not{} would become a Java enum; list known values in the description");
            }
            if (node.has("format")) {
                fail(at + "format is not used");
            }
            if (node.path("additionalProperties").isBoolean() && !node.get("additionalProperties").asBoolean()) {
                fail(at + "objects stay open: additionalProperties false");
            }
            if ("number".equals(node.path("type").asText())) {
                fail(at + "type number becomes a double; counts and timestamps are integers, decimals on the wire are strings");
            }
            if (node.has("existingJavaType") && node.get("existingJavaType").asText().contains(" ")) {
                fail(at + "existingJavaType is written without spaces");
            }
            if (validationOnly) {
                return;
            }
            boolean objectType = "object".equals(node.path("type").asText());
            boolean named = node.has("javaType") || node.has("existingJavaType");
            if ((objectType || node.has("properties")) && !named && !node.has("$ref")) {
                fail(at + "object schema without javaType or existingJavaType would become an anonymous class");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("allSchemaFiles")
    void propertiesAreDescribedOrReferenced(Path file) {
        walk(file, Contract.read(file), "", false, false, (node, where, validationOnly, underNot) -> {
            boolean property = where.matches(".*/(properties|definitions)/[^/]+");
            if (!validationOnly && property && node.has("type") && !node.has("description")) {
                fail(file + ": " + where + ": typed schema without description (it becomes Javadoc)");
            }
        });
    }

    // ------------------------------------------------------------------------------------------ helpers

    interface Visitor {
        void visit(JsonNode schema, String pointer, boolean validationOnly, boolean underNot);
    }

    /**
     * Visits every schema node. Nodes under {@code allOf}/{@code anyOf}/{@code not} only validate (the
     * generator ignores them); {@code oneOf} is made of {@code $ref}s to named variants.
     */
    static void walk(Path file, JsonNode node, String pointer, boolean validationOnly, boolean underNot, Visitor v) {
        if (!node.isObject()) {
            return;
        }
        v.visit(node, pointer, validationOnly, underNot);
        for (String map : List.of("properties", "definitions", "patternProperties")) {
            JsonNode children = node.path(map);
            for (Map.Entry<String, JsonNode> e : children.properties()) {
                walk(file, e.getValue(), pointer + "/" + map + "/" + escape(e.getKey()), validationOnly, underNot, v);
            }
        }
        for (String single : List.of("additionalProperties", "items", "contains", "if", "then", "else")) {
            if (node.path(single).isObject()) {
                walk(file, node.get(single), pointer + "/" + single, validationOnly, underNot, v);
            }
        }
        if (node.path("items").isArray()) {
            for (int i = 0; i < node.get("items").size(); i++) {
                walk(file, node.get("items").get(i), pointer + "/items/" + i, validationOnly, underNot, v);
            }
        }
        for (String list : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode items = node.path(list);
            for (int i = 0; i < items.size(); i++) {
                walk(file, items.get(i), pointer + "/" + list + "/" + i, validationOnly || !list.equals("oneOf"), underNot, v);
            }
        }
        if (node.path("not").isObject()) {
            walk(file, node.get("not"), pointer + "/not", true, true, v);
        }
    }

    /** A resolved {@code $ref}: the file it lives in and the schema node. */
    record Target(Path file, JsonNode node) {
    }

    static Target resolve(Path from, String where, String ref) {
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        Path target = filePart.isEmpty() ? from : from.getParent().resolve(filePart).normalize();
        if (!Files.isRegularFile(target)) {
            fail("schema " + from + ": " + where + ": $ref \"" + ref + "\" not found (no file " + target + ")");
        }
        JsonNode node = Contract.read(target).at(fragment);
        if (node.isMissingNode()) {
            fail("schema " + from + ": " + where + ": $ref \"" + ref + "\" not found (no " + fragment + " in " + target + ")");
        }
        return new Target(target, node);
    }

    private static Target deref(Target t, String where) {
        Target current = t;
        for (int hops = 0; current.node().has("$ref"); hops++) {
            if (hops > 20) {
                fail(where + ": $ref cycle");
            }
            current = resolve(current.file(), where, current.node().get("$ref").asText());
        }
        return current;
    }

    /** Follows a JSON pointer through {@code properties} (and {@code $ref}s) of a schema; fails if undeclared. */
    static Target declaredProperty(Path file, String pointer) {
        assertTrue(pointer.startsWith("/"), file + ": key pointer \"" + pointer + "\" must start with /");
        Target current = new Target(file, Contract.read(file));
        String walked = "";
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            current = deref(current, "x-hookgen-idempotency-key: \"" + pointer + "\"");
            JsonNode next = current.node().path("properties").path(token);
            if (next.isMissingNode()) {
                fail("schema " + file + ": x-hookgen-idempotency-key: \"" + pointer + "\": " + walked + "/" + token
                        + " is not a declared property (" + current.file() + ")");
            }
            walked += "/" + token;
            current = new Target(current.file(), next);
        }
        return deref(current, "x-hookgen-idempotency-key: \"" + pointer + "\"");
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
