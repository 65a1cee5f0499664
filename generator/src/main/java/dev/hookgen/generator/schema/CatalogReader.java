package dev.hookgen.generator.schema;

import static dev.hookgen.generator.schema.Annotations.DISCRIMINATOR;
import static dev.hookgen.generator.schema.Annotations.EXISTING_JAVA_TYPE;
import static dev.hookgen.generator.schema.Annotations.IDEMPOTENCY_KEY;
import static dev.hookgen.generator.schema.Annotations.IDEMPOTENCY_KEY_EXCLUDES;
import static dev.hookgen.generator.schema.Annotations.IDEMPOTENCY_KEY_REASON;
import static dev.hookgen.generator.schema.Annotations.JAVA_TYPE;
import static dev.hookgen.generator.schema.Annotations.TRIGGER;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.schema.SchemaSet.Resolved;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a schema directory into a {@link Catalog}, failing fast with a {@link SchemaException}
 * that names the file and the JSON pointer of the first broken convention.
 */
public final class CatalogReader {

    private static final Pattern WIRE_NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Pattern QUALIFIED_NAME =
            Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*\\.[A-Z][A-Za-z0-9_]*");
    private static final List<String> ENVELOPE = List.of("trigger", "appId", "region", "webhook");
    private static final Set<String> SCALAR_TYPES = Set.of("string", "integer", "number", "boolean");
    private static final Pattern KEY_FUNCTION = Pattern.compile("(keys|digest)\\((.*)\\)");
    private static final String MAP_TYPE = "java.util.Map<java.lang.String,";

    private final SchemaSet schemas;
    private final String apiPackage;
    private final String modelPackage;
    private final TriggerSelection selection;
    private final Map<String, String> declaredClasses = new HashMap<>();

    private CatalogReader(SchemaSet schemas, String apiPackage, String modelPackage, TriggerSelection selection) {
        this.schemas = schemas;
        this.apiPackage = apiPackage;
        this.modelPackage = modelPackage;
        this.selection = selection;
    }

    /** Reads and checks every schema of the configured directory; the catalog holds the selected triggers. */
    public static Catalog read(GeneratorConfig config) {
        SchemaSet schemas = SchemaSet.read(config.schemaDirectory()).placedIn(config.apiPackage(), config.modelPackage());
        return read(schemas, config.apiPackage(), config.modelPackage(), config.triggers());
    }

    /** Reads and checks every schema below {@code directory}: every trigger, models in {@code <apiPackage>.model}. */
    public static Catalog read(Path directory, String apiPackage) {
        return read(new GeneratorConfig(directory, apiPackage));
    }

    /**
     * Reads a schema set whose classes are already placed ({@link SchemaSet#placedIn}).
     */
    public static Catalog read(SchemaSet schemas, String apiPackage, String modelPackage, TriggerSelection selection) {
        schemas.checkReferences();
        return new CatalogReader(schemas, apiPackage, modelPackage, selection).read();
    }

    private Catalog read() {
        for (SchemaFile file : schemas.files()) {
            checkGeneratedShapes(file, "", file.root());
        }
        Map<String, TriggerSpec> triggers = new TreeMap<>();
        Map<String, String> claimedBy = new HashMap<>();
        for (SchemaFile file : schemas.files("triggers")) {
            TriggerSpec trigger = trigger(file);
            String earlier = claimedBy.putIfAbsent(trigger.wireName(), file.name());
            if (earlier != null) {
                throw file.error("/" + TRIGGER,
                        "trigger \"" + trigger.wireName() + "\" is already claimed by " + earlier);
            }
            triggers.put(trigger.wireName(), trigger);
        }
        if (triggers.isEmpty()) {
            throw new SchemaException("directory " + schemas.directory(), null, "no trigger schema in triggers/");
        }
        List<UnionSpec> unions = new ArrayList<>();
        for (SchemaFile file : schemas.files("definitions")) {
            if (file.root().has(DISCRIMINATOR)) {
                unions.add(union(file));
            }
        }
        List<TriggerSpec> selected = selection.select(triggers.keySet()).stream().map(triggers::get).toList();
        Set<String> reached = reachedFrom(selected);
        unions.removeIf(union -> !reached.contains(union.schemaFile()));
        unions.sort(Comparator.comparing(UnionSpec::interfaceType));
        List<SchemaFile> definitions = schemas.files("definitions").stream().filter(f -> reached.contains(f.name())).toList();
        return new Catalog(schemas, apiPackage, modelPackage, selected, unions, definitions);
    }

    /** The names of the files the triggers' schemas reach through {@code $ref}s, the triggers' own included. */
    private Set<String> reachedFrom(List<TriggerSpec> triggers) {
        Set<String> reached = new TreeSet<>();
        Deque<SchemaFile> pending = new ArrayDeque<>();
        for (TriggerSpec trigger : triggers) {
            reached.add(trigger.schemaFile());
            pending.add(schemas.file(trigger.schemaFile()));
        }
        while (!pending.isEmpty()) {
            SchemaFile file = pending.poll();
            SchemaSet.walk(file.root(), "", (pointer, node) -> {
                JsonNode ref = node.get("$ref");
                if (ref != null && ref.isTextual()) {
                    SchemaFile target = schemas.resolve(file, pointer, ref.asText()).file();
                    if (reached.add(target.name())) {
                        pending.add(target);
                    }
                }
            });
        }
        return reached;
    }

    private TriggerSpec trigger(SchemaFile file) {
        JsonNode root = file.root();
        JsonNode wire = root.get(TRIGGER);
        if (wire == null) {
            throw file.error("", "a trigger schema needs \"" + TRIGGER + "\", the trigger's wire name");
        }
        if (!wire.isTextual() || !WIRE_NAME.matcher(wire.asText()).matches()) {
            throw file.error("/" + TRIGGER, "the wire name must be a lower_snake_case string, got " + wire);
        }
        String wireName = wire.asText();
        String expected = apiPackage + "." + Names.eventClass(wireName);
        JsonNode javaType = root.get(JAVA_TYPE);
        if (javaType != null && !javaType.asText().equals(expected)) {
            throw file.error("/" + JAVA_TYPE, "the event class of \"" + wireName + "\" is named " + Names.eventClass(wireName)
                    + ", not " + Names.simpleName(javaType.asText()) + ": event classes are named after the trigger");
        }
        JsonNode properties = root.path("properties");
        for (String name : ENVELOPE) {
            Resolved property = propertyOf(file, "", root, name);
            if (property == null || !"string".equals(property.node().path("type").asText())) {
                throw file.error("/properties", "an event schema must declare the string property \"" + name + "\"");
            }
        }
        if (!properties.has("data")) {
            throw file.error("/properties", "an event schema must declare \"data\"");
        }
        String description = root.path("description").asText("");
        if (description.isBlank()) {
            throw file.error("/description", "a trigger schema needs a description");
        }
        return new TriggerSpec(wireName, expected, description, file.name(),
                idempotencyKey(file), keyReason(file), keyExclusions(file), properties.has("type"), alsoRequired(file));
    }

    /**
     * What the root {@code allOf} requires, in the order it is written: each name of a {@code required} array,
     * under the {@code properties} that lead to it. Only that part of {@code allOf} is the generator's; the rest
     * (constants) is the validator's.
     */
    private List<TriggerSpec.FieldPath> alsoRequired(SchemaFile file) {
        List<TriggerSpec.FieldPath> paths = new ArrayList<>();
        JsonNode allOf = file.root().path("allOf");
        for (int i = 0; i < allOf.size(); i++) {
            collectRequired(file, "/allOf/" + i, allOf.get(i), new ArrayList<>(), paths);
        }
        return paths;
    }

    private void collectRequired(SchemaFile file, String at, JsonNode schema, List<String> names, List<TriggerSpec.FieldPath> out) {
        JsonNode required = schema.path("required");
        for (int i = 0; i < required.size(); i++) {
            List<String> path = new ArrayList<>(names);
            path.add(required.get(i).asText());
            Resolved node = new Resolved(file, "", file.root());
            for (String name : path) {
                node = propertyOf(node.file(), node.pointer(), node.node(), name);
                if (node == null) {
                    throw file.error(at + "/required/" + i, "\"" + required.get(i).asText()
                            + "\" is not a property of the object at /" + String.join("/", names));
                }
            }
            out.add(new TriggerSpec.FieldPath("/" + path.stream().map(SchemaSet::escape).collect(Collectors.joining("/")), path));
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            List<String> path = new ArrayList<>(names);
            path.add(property.getKey());
            collectRequired(file, at + "/properties/" + SchemaSet.escape(property.getKey()), property.getValue(), path, out);
        }
    }

    private List<KeyPart> idempotencyKey(SchemaFile file) {
        JsonNode key = file.root().get(IDEMPOTENCY_KEY);
        String at = "/" + IDEMPOTENCY_KEY;
        if (key == null) {
            throw file.error("", "a trigger schema needs \"" + IDEMPOTENCY_KEY + "\", the parts of its idempotency key");
        }
        if (!key.isArray() || key.isEmpty()) {
            throw file.error(at, "must be a non-empty array of key parts");
        }
        List<KeyPart> parts = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            JsonNode entry = key.get(i);
            Matcher function = KEY_FUNCTION.matcher(entry.asText());
            boolean call = function.matches();
            KeyPart.Kind kind = call ? KeyPart.Kind.valueOf(function.group(1).toUpperCase(Locale.ROOT)) : KeyPart.Kind.VALUE;
            String pointer = call ? function.group(2) : entry.asText();
            if (!entry.isTextual() || !pointer.startsWith("/") || pointer.length() < 2) {
                throw file.error(at + "/" + i, "must be a JSON pointer such as \"/data/message/id\", keys(<pointer>)"
                        + " or digest(<pointer>), got " + entry);
            }
            List<String> names = new ArrayList<>();
            Resolved node = new Resolved(file, "", file.root());
            for (String segment : pointer.substring(1).split("/", -1)) {
                String name = segment.replace("~1", "/").replace("~0", "~");
                Resolved next = propertyOf(node.file(), node.pointer(), node.node(), name);
                if (next == null) {
                    throw file.error(at + "/" + i, "\"" + pointer + "\" does not resolve: no property \""
                            + name + "\" in " + node.file().name() + (node.pointer().isEmpty() ? "" : "#" + node.pointer()));
                }
                names.add(name);
                node = next;
            }
            if (kind == KeyPart.Kind.VALUE && !SCALAR_TYPES.contains(node.node().path("type").asText())) {
                throw file.error(at + "/" + i, "\"" + pointer + "\" must point at a string, integer, number or boolean;"
                        + " keys(" + pointer + ") takes the keys of a map, digest(" + pointer + ") a digest of any value");
            }
            if (kind == KeyPart.Kind.KEYS && !node.node().path(EXISTING_JAVA_TYPE).asText().replace(" ", "").startsWith(MAP_TYPE)) {
                throw file.error(at + "/" + i, "\"" + entry.asText() + "\" must name a map keyed by id: an object whose "
                        + EXISTING_JAVA_TYPE + " is " + MAP_TYPE + "...>");
            }
            parts.add(new KeyPart(kind, entry.asText(), pointer, names));
        }
        return parts;
    }

    private static String keyReason(SchemaFile file) {
        JsonNode reason = file.root().get(IDEMPOTENCY_KEY_REASON);
        if (reason == null) {
            return "";
        }
        if (!reason.isTextual() || reason.asText().isBlank()) {
            throw file.error("/" + IDEMPOTENCY_KEY_REASON, "must be a non-empty string: why the key's parts identify one occurrence");
        }
        return reason.asText();
    }

    private static List<TriggerSpec.KeyExclusion> keyExclusions(SchemaFile file) {
        JsonNode excludes = file.root().get(IDEMPOTENCY_KEY_EXCLUDES);
        if (excludes == null) {
            return List.of();
        }
        String at = "/" + IDEMPOTENCY_KEY_EXCLUDES;
        if (!excludes.isObject()) {
            throw file.error(at, "must be an object: a JSON pointer pattern (\"*\" for any one step) to why the key leaves it out");
        }
        List<TriggerSpec.KeyExclusion> exclusions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> exclusion : excludes.properties()) {
            String where = at + "/" + SchemaSet.escape(exclusion.getKey());
            if (!exclusion.getKey().startsWith("/")) {
                throw file.error(where, "a pattern is a JSON pointer such as \"/data/message/updatedAt\"");
            }
            if (!exclusion.getValue().isTextual() || exclusion.getValue().asText().isBlank()) {
                throw file.error(where, "must be a non-empty string: why a change there does not make another occurrence");
            }
            exclusions.add(new TriggerSpec.KeyExclusion(exclusion.getKey(), exclusion.getValue().asText()));
        }
        return exclusions;
    }

    /** The schema of property {@code name} of the object schema at {@code node}, dereferenced; null if undeclared. */
    private Resolved propertyOf(SchemaFile file, String pointer, JsonNode node, String name) {
        Resolved object = schemas.deref(new Resolved(file, pointer, node));
        JsonNode property = object.node().path("properties").get(name);
        if (property == null) {
            return null;
        }
        String at = object.pointer() + "/properties/" + SchemaSet.escape(name);
        return schemas.deref(new Resolved(object.file(), at, property));
    }

    private UnionSpec union(SchemaFile file) {
        JsonNode root = file.root();
        String interfaceType = qualifiedJavaType(file, "", root);
        JsonNode property = root.path(DISCRIMINATOR).get("propertyName");
        if (property == null || !property.isTextual() || property.asText().isEmpty()) {
            throw file.error("/" + DISCRIMINATOR, "must be {\"propertyName\": \"<the property that tells the variants apart>\"}");
        }
        String discriminator = property.asText();
        JsonNode oneOf = root.get("oneOf");
        if (oneOf == null || !oneOf.isArray() || oneOf.isEmpty()) {
            throw file.error("", "a union needs \"oneOf\", a list of $refs to its variants");
        }
        Map<String, String> variants = new TreeMap<>();
        String fallback = null;
        for (int i = 0; i < oneOf.size(); i++) {
            String at = "/oneOf/" + i;
            if (!oneOf.get(i).has("$ref")) {
                throw file.error(at, "each variant must be a $ref to a schema of its own");
            }
            Resolved variant = schemas.deref(new Resolved(file, at, oneOf.get(i)));
            String javaType = qualifiedJavaType(variant.file(), variant.pointer(), variant.node());
            if (!Names.packageOf(javaType).equals(Names.packageOf(interfaceType))) {
                throw file.error(at, "variant " + javaType + " must be in package " + Names.packageOf(interfaceType)
                        + ", like the sealed interface it implements");
            }
            Resolved tag = propertyOf(variant.file(), variant.pointer(), variant.node(), discriminator);
            if (tag == null || !"string".equals(tag.node().path("type").asText())) {
                throw file.error(at, "variant " + javaType + " must declare the string property \"" + discriminator + "\"");
            }
            JsonNode value = tag.node().get("const");
            if (value == null) {
                if (fallback != null) {
                    throw file.error(at, "two variants without \"const\" (" + fallback + ", " + javaType
                            + "): only the fallback may leave the discriminator open");
                }
                fallback = javaType;
            } else if (variants.putIfAbsent(value.asText(), javaType) != null) {
                throw file.error(at, "discriminator value \"" + value.asText() + "\" is declared twice");
            }
        }
        if (fallback == null) {
            throw file.error("/oneOf", "a union needs one fallback variant whose \"" + discriminator
                    + "\" has no const, for kinds nobody declared");
        }
        List<UnionSpec.Variant> list = variants.entrySet().stream()
                .map(e -> new UnionSpec.Variant(e.getKey(), e.getValue())).toList();
        return new UnionSpec(interfaceType, root.path("description").asText(""), file.name(), discriminator, list, fallback);
    }

    private String qualifiedJavaType(SchemaFile file, String pointer, JsonNode node) {
        JsonNode javaType = node.get(JAVA_TYPE);
        if (javaType == null) {
            throw file.error(pointer, "needs a fully qualified \"" + JAVA_TYPE + "\"");
        }
        return javaType.asText();
    }

    /**
     * Checks the parts of a document that jsonschema2pojo turns into types: every object has a fully
     * qualified javaType declared once (or an existingJavaType), and no enum keyword is used.
     * Validation-only keywords (allOf, anyOf, oneOf, not, if/then/else) are not generated and not checked.
     */
    private void checkGeneratedShapes(SchemaFile file, String pointer, JsonNode node) {
        if (!node.isObject() || node.has("$ref")) {
            return;
        }
        if (node.has("enum")) {
            throw file.error(pointer + "/enum", "\"enum\" would become a Java enum that rejects values CometChat adds later;"
                    + " keep the type a string and list the values in the description");
        }
        boolean triggerRoot = pointer.isEmpty() && node.has(TRIGGER);
        boolean object = "object".equals(node.path("type").asText()) || node.has("properties");
        if (object && !node.has(EXISTING_JAVA_TYPE) && !triggerRoot) {
            JsonNode javaType = node.get(JAVA_TYPE);
            if (javaType == null) {
                throw file.error(pointer, "an object that becomes a class needs a fully qualified \"" + JAVA_TYPE
                        + "\" (without one, jsonschema2pojo names it after the property, and a second copy becomes Name__1)");
            }
            if (!javaType.isTextual() || !QUALIFIED_NAME.matcher(javaType.asText()).matches()) {
                throw file.error(pointer + "/" + JAVA_TYPE, "must be a fully qualified class name, got " + javaType);
            }
            String here = file.name() + "#" + pointer;
            String earlier = declaredClasses.putIfAbsent(javaType.asText(), here);
            if (earlier != null) {
                throw file.error(pointer + "/" + JAVA_TYPE, "class " + javaType.asText() + " is already declared at "
                        + earlier + "; reuse that schema with $ref");
            }
        }
        JsonNode properties = node.get("properties");
        if (properties != null) {
            properties.properties().forEach(p ->
                    checkGeneratedShapes(file, pointer + "/properties/" + SchemaSet.escape(p.getKey()), p.getValue()));
        }
        for (String keyword : List.of("items", "additionalProperties")) {
            if (node.has(keyword)) {
                checkGeneratedShapes(file, pointer + "/" + keyword, node.get(keyword));
            }
        }
        JsonNode definitions = node.get("definitions");
        if (definitions != null) {
            definitions.properties().forEach(d ->
                    checkGeneratedShapes(file, pointer + "/definitions/" + SchemaSet.escape(d.getKey()), d.getValue()));
        }
    }
}
