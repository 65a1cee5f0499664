package dev.hookgen.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules of {@code schemas/README.md}, checked on any schema directory: every trigger file it holds
 * (not a fixed list), every definition, every sample. {@code SchemaContractTest}, {@code SampleValidationTest}
 * and {@code NegativeValidationTest} run these checks on this module; the generator's
 * {@code ScaffoldToEventTest} runs {@link #checkAll()} on a copy with a scaffolded trigger, so that a draft
 * the scaffold writes always passes the contract. A failed check throws an {@link AssertionError} naming
 * the file, the JSON pointer and the rule.
 *
 * <p>Published in this module's test jar ({@code dev.hookgen:hookgen-schemas:test-jar}).
 */
public final class SchemaContract {

    /** A wire name, and so a trigger file name without {@code .json}. */
    public static final String WIRE_NAME = "[a-z][a-z0-9]*(_[a-z0-9]+)*";

    private static final List<String> ENVELOPE = List.of("appId", "region", "webhook");
    private static final String ENVELOPE_FILE = "envelope.json";
    /**
     * The parts every idempotency key starts with: a webhook id is unique within one CometChat app
     * only, and one endpoint can receive the deliveries of several apps.
     */
    private static final List<String> SCOPE = List.of("/appId", "/webhook", "/trigger");

    private final Path definitions;
    private final Path triggers;
    private final Path samples;
    private final String eventPackage;
    private final String modelPackage;

    /**
     * @param schemaDirectory the folder holding {@code definitions/}, {@code triggers/} and {@code samples/}
     * @param apiPackage the package of the event classes ({@code dev.hookgen.cometchat}); models are in its {@code .model}
     */
    public SchemaContract(Path schemaDirectory, String apiPackage) {
        this.definitions = schemaDirectory.resolve("definitions");
        this.triggers = schemaDirectory.resolve("triggers");
        this.samples = schemaDirectory.resolve("samples");
        this.eventPackage = apiPackage + ".";
        this.modelPackage = apiPackage + ".model.";
    }

    /** This module's own schemas, in the package the published jar uses. */
    static SchemaContract ofThisModule() {
        return new SchemaContract(Path.of(""), "dev.hookgen.cometchat");
    }

    /** Runs every check on every file. */
    public void checkAll() {
        checkFileNames();
        for (String wire : triggers()) {
            checkTrigger(wire);
            checkPageSample(wire);
            checkIdempotencyKey(wire);
            checkKeyPartsAreRequired(wire);
        }
        checkDefinitions();
        checkJavaTypesDeclaredOnce();
        for (Path file : schemaFiles()) {
            checkRefs(file);
            checkGeneratorRules(file);
            checkDescriptions(file);
        }
        for (String sample : samples()) {
            checkSample(sample);
            checkKeyIsComputable(sample);
            checkEntityRefs(sample);
        }
    }

    // ------------------------------------------------------------------------------------------ what there is

    /** The wire names of every file in {@code triggers/}, sorted. */
    public List<String> triggers() {
        return Contract.jsonFiles(triggers).stream().map(n -> n.substring(0, n.length() - ".json".length())).toList();
    }

    /** The file names in {@code samples/}, sorted. */
    public List<String> samples() {
        return Contract.jsonFiles(samples);
    }

    /** Every file of {@code definitions/} and {@code triggers/}. */
    public List<Path> schemaFiles() {
        return Stream.concat(
                Contract.jsonFiles(definitions).stream().map(definitions::resolve),
                Contract.jsonFiles(triggers).stream().map(triggers::resolve)).toList();
    }

    Path triggerFile(String wire) {
        return triggers.resolve(wire + ".json");
    }

    Path sampleFile(String name) {
        return samples.resolve(name);
    }

    Path definitionFile(String name) {
        return definitions.resolve(name);
    }

    // ------------------------------------------------------------------------------------------ triggers

    /** Trigger files are named by wire name, samples {@code <wire_name>[.<variant>].json}. */
    public void checkFileNames() {
        for (String name : Contract.jsonFiles(triggers)) {
            assertTrue(name.matches(WIRE_NAME + "\\.json"), "triggers/" + name + ": the file name is the wire name, lower_snake_case");
        }
        for (String name : samples()) {
            assertTrue(name.matches(WIRE_NAME + "(\\.[a-z0-9-]+)?\\.json"),
                    "samples/" + name + ": name is <wire_name>[.<variant>].json");
        }
    }

    /** The trigger template of schemas/README.md. */
    public void checkTrigger(String wire) {
        String file = "triggers/" + wire + ".json";
        JsonNode s = Contract.read(triggerFile(wire));
        assertEquals(Contract.SCHEMA_DRAFT_07, s.path("$schema").asText(), file + ": $schema");
        assertEquals(wire, s.path("title").asText(), file + ": title must be the wire name");
        assertFalse(s.path("description").asText().isBlank(), file + ": description missing");
        assertEquals("object", s.path("type").asText(), file + ": type");
        assertEquals(eventPackage + Contract.pascal(wire) + "Event", s.path("javaType").asText(), file + ": javaType");
        assertEquals(wire, s.path("x-hookgen-trigger").asText(), file + ": x-hookgen-trigger must equal the file name");

        JsonNode trigger = s.path("properties").path("trigger");
        assertEquals("string", trigger.path("type").asText(), file + ": /properties/trigger/type");
        assertEquals(wire, trigger.path("const").asText(), file + ": /properties/trigger/const");
        checkData(file, s.path("properties").path("data"));

        List<String> required = strings(s.path("required"));
        for (String field : List.of("trigger", "data", "appId", "region", "webhook")) {
            assertTrue(required.contains(field), file + ": /required lacks " + field);
        }
        for (String field : ENVELOPE) {
            assertEquals("../definitions/envelope.json#/definitions/" + field,
                    s.path("properties").path(field).path("$ref").asText(), file + ": /properties/" + field);
        }
        if (s.path("properties").has("type")) {
            assertTrue(required.contains("type"), file + ": /required lacks type (a top-level type is the session type)");
            assertEquals("../definitions/envelope.json#/definitions/sessionType",
                    s.path("properties").path("type").path("$ref").asText(), file + ": /properties/type");
        }
    }

    /**
     * {@code data} is a {@code $ref} to a shape in {@code definitions/} (shared by the triggers with that
     * shape), or, for a shape only this trigger has, an inline object with its own class in the model
     * package: what {@code scaffold} writes, reviewed in the one file it wrote.
     */
    private void checkData(String file, JsonNode data) {
        if (data.has("$ref")) {
            assertTrue(data.get("$ref").asText().startsWith("../definitions/"),
                    file + ": /properties/data: a $ref to a shape in definitions/");
            return;
        }
        assertEquals("object", data.path("type").asText(),
                file + ": /properties/data must be a $ref to definitions/ or an inline object");
        String javaType = data.path("javaType").asText("");
        assertTrue(javaType.startsWith(modelPackage) && javaType.lastIndexOf('.') == modelPackage.length() - 1,
                file + ": /properties/data/javaType " + javaType + " must be a class in " + modelPackage);
        assertFalse(data.path("description").asText().isBlank(), file + ": /properties/data: description missing");
    }

    /** The key starts with the app, the webhook and the trigger, and every pointer names a declared property. */
    public void checkIdempotencyKey(String wire) {
        Path file = triggerFile(wire);
        JsonNode key = Contract.read(file).path("x-hookgen-idempotency-key");
        assertTrue(key.isArray() && key.size() > 0, file + ": x-hookgen-idempotency-key must be a non-empty array");
        List<String> parts = strings(key);
        assertEquals(SCOPE, parts.subList(0, Math.min(SCOPE.size(), parts.size())),
                file + ": a key starts with the app id, the webhook id and the trigger: " + SCOPE);
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

    /** The trigger's page example is there. */
    public void checkPageSample(String wire) {
        assertTrue(Files.isRegularFile(sampleFile(wire + ".json")), "missing samples/" + wire + ".json");
    }

    /** Every part of the key is required: the page example without it is rejected, naming the part, and nothing else. */
    public void checkKeyPartsAreRequired(String wire) {
        for (KeyParts part : KeyParts.of(Contract.read(triggerFile(wire)))) {
            String pointer = part.pointer();
            int slash = pointer.lastIndexOf('/');
            String parent = pointer.substring(0, slash);
            String field = pointer.substring(slash + 1);
            String location = "$" + parent.replace('/', '.');
            ObjectNode sample = (ObjectNode) Contract.read(sampleFile(wire + ".json"));
            ((ObjectNode) sample.at(parent)).remove(field);
            List<String> messages = Contract.validate(triggerFile(wire), sample).stream()
                    .map(ValidationMessage::getMessage).collect(Collectors.toList());
            assertEquals(List.of(location + ": required property '" + field + "' not found"), messages,
                    "triggers/" + wire + ".json: removing key part " + part.text() + " from samples/" + wire + ".json");
        }
    }

    // ------------------------------------------------------------------------------------------ definitions

    /** Every definition has a kebab-case name, a title, a description and one class in the model package. */
    public void checkDefinitions() {
        List<String> names = Contract.jsonFiles(definitions);
        assertTrue(names.contains(ENVELOPE_FILE), "definitions/envelope.json missing");
        for (String name : names) {
            String where = "definitions/" + name;
            assertTrue(name.matches("[a-z0-9]+(-[a-z0-9]+)*\\.json"), where + ": file names are kebab-case");
            JsonNode s = Contract.read(definitions.resolve(name));
            assertEquals(Contract.SCHEMA_DRAFT_07, s.path("$schema").asText(), where + ": $schema");
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
                assertTrue(javaType.startsWith(modelPackage) && javaType.lastIndexOf('.') == modelPackage.length() - 1,
                        where + ": javaType " + javaType + " must be a class in " + modelPackage);
            }
        }
    }

    /** A class is declared in one place; everything else uses $ref. */
    public void checkJavaTypesDeclaredOnce() {
        Map<String, List<String>> declared = new TreeMap<>();
        schemaFiles().forEach(file -> walk(Contract.read(file), "", false, false, (node, where, validationOnly, underNot) -> {
            if (node.has("javaType")) {
                declared.computeIfAbsent(node.get("javaType").asText(), k -> new ArrayList<>()).add(file + "#" + where);
            }
        }));
        declared.forEach((type, places) ->
                assertEquals(1, places.size(), "javaType " + type + " declared more than once: " + places));
    }

    // ------------------------------------------------------------------------------------------ every schema file

    /** Every $ref names a file and a fragment that exist. */
    public void checkRefs(Path file) {
        walk(Contract.read(file), "", false, false, (node, where, validationOnly, underNot) -> {
            if (node.has("$ref")) {
                resolve(file, where, node.get("$ref").asText());
            }
        });
    }

    /** What the generator relies on: no enum, no format, open objects, every generated object named. */
    public void checkGeneratorRules(Path file) {
        walk(Contract.read(file), "", false, false, (node, where, validationOnly, underNot) -> {
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

    /** Every typed property has a description (it becomes Javadoc). */
    public void checkDescriptions(Path file) {
        walk(Contract.read(file), "", false, false, (node, where, validationOnly, underNot) -> {
            boolean property = where.matches(".*/(properties|definitions)/[^/]+");
            if (!validationOnly && property && node.has("type") && !node.has("description")) {
                fail(file + ": " + where + ": typed schema without description (it becomes Javadoc)");
            }
        });
    }

    // ------------------------------------------------------------------------------------------ samples

    /** A sample is strict JSON, names the trigger of its file name and is valid against that trigger's schema. */
    public void checkSample(String name) {
        String wire = triggerOf(name);
        assertTrue(Files.isRegularFile(triggerFile(wire)), "samples/" + name + ": no schema triggers/" + wire + ".json");
        JsonNode sample = Contract.read(sampleFile(name));
        assertEquals(wire, sample.path("trigger").asText(), "samples/" + name + ": trigger must equal the file prefix");
        Set<ValidationMessage> errors = Contract.validate(triggerFile(wire), sample);
        assertTrue(errors.isEmpty(), "samples/" + name + " against triggers/" + wire + ".json:" + Contract.describe(errors));
    }

    /** Every part of the trigger's key is a value in the sample. */
    public void checkKeyIsComputable(String name) {
        JsonNode sample = Contract.read(sampleFile(name));
        JsonNode schema = Contract.read(triggerFile(triggerOf(name)));
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

    /**
     * Every {@code {entity, entityType}} of a sample is valid against the variant its {@code entityType}
     * declares ({@code <kind>-ref.json}), or against the fallback for a kind nobody declared.
     */
    public void checkEntityRefs(String name) {
        List<JsonNode> refs = new ArrayList<>();
        collectEntityRefs(Contract.read(sampleFile(name)), refs);
        Map<String, String> kinds = entityKinds();
        for (JsonNode ref : refs) {
            String kind = ref.get("entityType").asText();
            String variant = kinds.getOrDefault(kind, fallbackEntityRef());
            Set<ValidationMessage> errors = Contract.validate(definitions.resolve(variant), ref);
            assertTrue(errors.isEmpty(), "samples/" + name + ": " + kind + " reference against definitions/" + variant + ":"
                    + Contract.describe(errors));
        }
    }

    /** The declared kinds of {@code entity-ref.json}: {@code entityType} const to variant file. */
    public Map<String, String> entityKinds() {
        Map<String, String> kinds = new TreeMap<>();
        for (JsonNode variant : Contract.read(definitions.resolve("entity-ref.json")).path("oneOf")) {
            String target = variant.path("$ref").asText();
            JsonNode type = Contract.read(definitions.resolve(target)).at("/properties/entityType");
            if (type.has("const")) {
                kinds.put(type.get("const").asText(), target);
            }
        }
        return kinds;
    }

    /** The variant of {@code entity-ref.json} without a const. */
    public String fallbackEntityRef() {
        for (JsonNode variant : Contract.read(definitions.resolve("entity-ref.json")).path("oneOf")) {
            String target = variant.path("$ref").asText();
            if (!Contract.read(definitions.resolve(target)).at("/properties/entityType").has("const")) {
                return target;
            }
        }
        throw new AssertionError("definitions/entity-ref.json: no fallback variant");
    }

    /** Every object with both {@code entity} and {@code entityType}, depth first. */
    static void collectEntityRefs(JsonNode node, List<JsonNode> out) {
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

    /** The wire name a sample is for: its file name up to the first dot. */
    static String triggerOf(String sampleName) {
        return sampleName.substring(0, sampleName.indexOf('.'));
    }

    // ------------------------------------------------------------------------------------------ helpers

    interface Visitor {
        void visit(JsonNode schema, String pointer, boolean validationOnly, boolean underNot);
    }

    /**
     * Visits every schema node. Nodes under {@code allOf}/{@code anyOf}/{@code not} only validate (the
     * generator ignores them); {@code oneOf} is made of {@code $ref}s to named variants.
     */
    static void walk(JsonNode node, String pointer, boolean validationOnly, boolean underNot, Visitor v) {
        if (!node.isObject()) {
            return;
        }
        v.visit(node, pointer, validationOnly, underNot);
        for (String map : List.of("properties", "definitions", "patternProperties")) {
            JsonNode children = node.path(map);
            for (Map.Entry<String, JsonNode> e : children.properties()) {
                walk(e.getValue(), pointer + "/" + map + "/" + escape(e.getKey()), validationOnly, underNot, v);
            }
        }
        for (String single : List.of("additionalProperties", "items", "contains", "if", "then", "else")) {
            if (node.path(single).isObject()) {
                walk(node.get(single), pointer + "/" + single, validationOnly, underNot, v);
            }
        }
        if (node.path("items").isArray()) {
            for (int i = 0; i < node.get("items").size(); i++) {
                walk(node.get("items").get(i), pointer + "/items/" + i, validationOnly, underNot, v);
            }
        }
        for (String list : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode items = node.path(list);
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), pointer + "/" + list + "/" + i, validationOnly || !list.equals("oneOf"), underNot, v);
            }
        }
        if (node.path("not").isObject()) {
            walk(node.get("not"), pointer + "/not", true, true, v);
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
