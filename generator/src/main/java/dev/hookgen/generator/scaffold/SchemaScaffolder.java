package dev.hookgen.generator.scaffold;

import static dev.hookgen.generator.schema.Annotations.EXISTING_JAVA_TYPE;
import static dev.hookgen.generator.schema.Annotations.IDEMPOTENCY_KEY;
import static dev.hookgen.generator.schema.Annotations.JAVA_TYPE;
import static dev.hookgen.generator.schema.Annotations.TRIGGER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.schema.Names;
import dev.hookgen.generator.schema.SchemaFile;
import dev.hookgen.generator.schema.SchemaSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Infers a draft trigger schema from one sample payload, in the conventions of {@code schemas/README.md}.
 * A pure function of the sample and the schema set: nothing is read or written here.
 *
 * <ul>
 *   <li>The envelope ({@code trigger}, {@code appId}, {@code region}, {@code webhook}, a session's
 *       {@code type}) is written as in every trigger schema, with {@code $ref}s to {@code envelope.json}.</li>
 *   <li>An object that matches a shared definition becomes a {@code $ref} to it ({@link DefinitionMatcher}
 *       states the rule).</li>
 *   <li>An object whose keys are ids (each contains a digit, or each is repeated inside its value, as a
 *       uid is in a user) is a map: {@code existingJavaType java.util.Map<java.lang.String,V>} plus
 *       {@code additionalProperties}; when the values are users, {@code user-map.json} is reused.</li>
 *   <li>{@code metadata}, {@code customData} and empty objects are arbitrary JSON
 *       ({@code java.util.Map<java.lang.String,java.lang.Object>}).</li>
 *   <li>Any other object becomes an inline class {@code <model package>.<Trigger><Property>}
 *       ({@code data}: {@code <Trigger>EventData}), unique among the classes the schemas declare.</li>
 *   <li>Whole numbers are {@code integer} (64-bit {@code long}), strings stay strings, booleans
 *       booleans, arrays take their type from all their items.</li>
 * </ul>
 * Everything inferred has a description starting with {@value #REVIEW}; the matches and the chosen
 * idempotency key are listed in the root's {@code $comment} and in {@link Draft#notes()}.
 */
public final class SchemaScaffolder {

    /** How every inferred description starts. */
    public static final String REVIEW = "Inferred from sample: review.";

    private static final Pattern WIRE_NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*[0-9].*");
    private static final Set<String> ARBITRARY = Set.of("metadata", "customData");
    private static final Set<String> ENVELOPE = Set.of("trigger", "data", "appId", "region", "webhook", "type");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SchemaSet schemas;
    private final String wireName;
    private final String pascal;
    private final String apiPackage;
    private final String modelPackage;
    private final DefinitionMatcher matcher;
    private final Set<String> classes = new HashSet<>();
    private final List<String> notes = new ArrayList<>();

    private SchemaScaffolder(SchemaSet schemas, String wireName, String apiPackage, String modelPackage) {
        this.schemas = schemas;
        this.wireName = wireName;
        this.pascal = Names.pascal(wireName);
        this.apiPackage = apiPackage;
        this.modelPackage = modelPackage;
        this.matcher = new DefinitionMatcher(schemas);
        for (SchemaFile file : schemas.files()) {
            SchemaSet.walk(file.root(), "", (pointer, node) -> {
                if (node.path(JAVA_TYPE).isTextual()) {
                    classes.add(node.get(JAVA_TYPE).asText());
                }
            });
        }
    }

    /** Whether {@code name} is a wire name: lower_snake_case, like {@code message_pinned}. */
    public static boolean isWireName(String name) {
        return WIRE_NAME.matcher(name).matches();
    }

    /**
     * The draft of {@code triggers/<wireName>.json} for {@code sample}.
     *
     * @throws ScaffoldException when the trigger exists or the sample is not a payload of it
     * @throws IllegalArgumentException when {@code wireName} is not lower_snake_case
     */
    public static Draft scaffold(JsonNode sample, String wireName, SchemaSet schemas, String apiPackage) {
        return scaffold(sample, wireName, schemas, apiPackage, GeneratorConfig.defaultModelPackage(apiPackage));
    }

    /**
     * The draft of {@code triggers/<wireName>.json} for {@code sample}, its new classes in {@code modelPackage}.
     * {@code schemas} should be placed in the same packages ({@link SchemaSet#placedIn}).
     */
    public static Draft scaffold(JsonNode sample, String wireName, SchemaSet schemas, String apiPackage, String modelPackage) {
        if (!WIRE_NAME.matcher(wireName).matches()) {
            throw new IllegalArgumentException("the trigger name must be lower_snake_case, like message_sent: " + wireName);
        }
        for (SchemaFile file : schemas.files("triggers")) {
            if (file.name().equals("triggers/" + wireName + ".json") || wireName.equals(file.root().path(TRIGGER).asText())) {
                throw new ScaffoldException("trigger \"" + wireName + "\" already exists: " + file.name()
                        + "; scaffold only writes new triggers, edit that schema by hand");
            }
        }
        if (sample == null || !sample.isObject()) {
            throw new ScaffoldException("the sample must be a JSON object, a webhook payload");
        }
        JsonNode trigger = sample.get("trigger");
        if (trigger == null || !trigger.isTextual() || !trigger.asText().equals(wireName)) {
            throw new ScaffoldException("the sample's \"trigger\" must be \"" + wireName + "\", got "
                    + (trigger == null ? "nothing" : trigger.toString()));
        }
        if (!sample.path("data").isObject()) {
            throw new ScaffoldException("the sample's \"data\" must be a JSON object");
        }
        return new SchemaScaffolder(schemas, wireName, apiPackage, modelPackage).draft(sample);
    }

    private Draft draft(JsonNode sample) {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("$comment", "");
        root.put("title", wireName);
        root.put("description", REVIEW + " Replace with CometChat's sentence for " + wireName + ".");
        root.put("type", "object");
        root.put(JAVA_TYPE, apiPackage + "." + Names.eventClass(wireName));
        root.put(TRIGGER, wireName);
        root.putArray(IDEMPOTENCY_KEY);
        var required = root.putArray("required").add("trigger").add("data").add("appId").add("region").add("webhook");
        ObjectNode properties = root.putObject("properties");
        properties.putObject("trigger").put("type", "string").put("const", wireName)
                .put("description", "The trigger's wire name.");
        properties.set("data", object("data", "/data", List.of(sample.get("data")), "EventData", Names.eventClass(wireName)));
        if (sample.path("type").isTextual()) {
            required.add("type");
            properties.set("type", ref("definitions/envelope.json#/definitions/sessionType"));
            notes.add("/type: a top-level type, as call and meeting session events have; if it is always one value,"
                    + " fix it with a const in allOf as call_started.json does.");
        }
        for (String field : List.of("appId", "region", "webhook")) {
            properties.set(field, ref("definitions/envelope.json#/definitions/" + field));
        }
        for (Map.Entry<String, JsonNode> field : sample.properties()) {
            if (!ENVELOPE.contains(field.getKey())) {
                properties.set(field.getKey(), infer(field.getKey(), "/" + field.getKey(), List.of(field.getValue()),
                        Names.eventClass(wireName)));
            }
        }
        IdempotencyKeyChooser.Choice key = IdempotencyKeyChooser.choose(root, sample, schemas, wireName);
        key.pointers().forEach(root.withArray(IDEMPOTENCY_KEY)::add);
        notes.addAll(key.notes());
        root.put("$comment", "Scaffolded by hookgen from samples/" + wireName + ".json. Review the parts whose"
                + " description starts with \"" + REVIEW + "\" and these notes, then delete this comment. "
                + String.join(" ", notes));
        return new Draft(wireName, root, notes);
    }

    private JsonNode infer(String name, String pointer, List<JsonNode> values, String owner) {
        List<JsonNode> present = values.stream().filter(v -> !v.isNull()).toList();
        if (present.isEmpty()) {
            return untyped(pointer, "null in the sample, so its type is unknown");
        }
        if (present.size() < values.size()) {
            return untyped(pointer, "null in some places and a value in others");
        }
        if (present.stream().allMatch(JsonNode::isObject)) {
            return object(name, pointer, present, name, owner);
        }
        if (present.stream().allMatch(JsonNode::isArray)) {
            return array(name, pointer, present, owner);
        }
        Optional<ObjectNode> scalar = scalar(name, present);
        return scalar.isPresent() ? scalar.get() : untyped(pointer, "values of different types");
    }

    private Optional<ObjectNode> scalar(String name, List<JsonNode> values) {
        String type;
        if (values.stream().allMatch(JsonNode::isIntegralNumber)) {
            type = "integer";
        } else if (values.stream().allMatch(JsonNode::isNumber)) {
            type = "number";
        } else if (values.stream().allMatch(JsonNode::isTextual)) {
            type = "string";
        } else if (values.stream().allMatch(JsonNode::isBoolean)) {
            type = "boolean";
        } else {
            return Optional.empty();
        }
        String example = values.get(0).toString();
        if (example.length() > 60) {
            example = example.substring(0, 57) + "...";
        }
        StringBuilder description = new StringBuilder(REVIEW).append(" Example: ").append(example).append('.');
        if (type.equals("integer") && IdempotencyKeyChooser.timestampLike(name)) {
            long value = values.get(0).asLong();
            description.append(value >= 100_000_000_000L ? " Looks like epoch milliseconds."
                    : value >= 100_000_000L ? " Looks like epoch seconds." : "");
        }
        if (type.equals("number")) {
            description.append(" A fraction: a \"number\", which becomes a BigDecimal (every digit kept); check that CometChat sends fractions here.");
        }
        ObjectNode node = NODES.objectNode().put("type", type);
        node.put("description", description.toString());
        return Optional.of(node);
    }

    private JsonNode untyped(String pointer, String why) {
        notes.add(pointer + ": " + why + "; left without a type (Object): give it one.");
        return NODES.objectNode().put("description", REVIEW + " " + capitalized(why) + "; left without a type.");
    }

    private JsonNode array(String name, String pointer, List<JsonNode> arrays, String owner) {
        List<JsonNode> items = new ArrayList<>();
        arrays.forEach(a -> a.forEach(items::add));
        ObjectNode node = NODES.objectNode().put("type", "array");
        if (items.isEmpty()) {
            notes.add(pointer + ": an empty array, so the item type is unknown (List<Object>): add \"items\".");
            return node.put("description", REVIEW + " Empty in the sample: the item type is unknown.");
        }
        node.put("description", REVIEW);
        node.set("items", infer(singular(name), pointer + "[]", items, owner));
        return node;
    }

    private JsonNode object(String name, String pointer, List<JsonNode> objects, String classBase, String owner) {
        if (ARBITRARY.contains(name) || objects.stream().allMatch(JsonNode::isEmpty)) {
            return arbitrary("Arbitrary JSON object.");
        }
        Optional<DefinitionMatcher.Match> match = matcher.match(objects);
        if (match.isPresent()) {
            return matched(pointer, match.get());
        }
        if (keyedByIds(objects)) {
            return map(name, pointer, objects, owner);
        }
        return inline(pointer, objects, className(classBase, owner));
    }

    private JsonNode matched(String pointer, DefinitionMatcher.Match match) {
        String note = pointer + ": matches " + match.candidate().file().name() + " ("
                + Names.simpleName(match.candidate().javaType()) + ")";
        if (!match.undeclared().isEmpty()) {
            note += "; keys it does not declare, kept in additional properties: " + String.join(", ", match.undeclared());
        }
        notes.add(note + ".");
        return ref(match.candidate().file().name());
    }

    private JsonNode map(String name, String pointer, List<JsonNode> objects, String owner) {
        List<JsonNode> values = new ArrayList<>();
        objects.forEach(o -> o.forEach(values::add));
        if (values.stream().allMatch(JsonNode::isObject)) {
            Optional<DefinitionMatcher.Match> match = matcher.match(values);
            if (match.isPresent()) {
                SchemaFile valueFile = match.get().candidate().file();
                Optional<SchemaFile> shared = sharedMap(valueFile);
                if (shared.isPresent()) {
                    notes.add(pointer + ": a map keyed by id whose values match " + valueFile.name() + "; uses "
                            + shared.get().name() + ".");
                    return ref(shared.get().name());
                }
                notes.add(pointer + ": a map keyed by id whose values match " + valueFile.name() + ".");
                ObjectNode node = NODES.objectNode().put("type", "object")
                        .put("description", REVIEW + " Keyed by id.")
                        .put(EXISTING_JAVA_TYPE, "java.util.Map<java.lang.String," + match.get().candidate().javaType() + ">");
                node.set("additionalProperties", ref(valueFile.name()));
                return node;
            }
            notes.add(pointer + ": a map keyed by id whose values match no shared definition; they are kept as raw maps:"
                    + " add a definition for them and use it in additionalProperties.");
            ObjectNode node = arbitrary("Keyed by id; the values match no shared definition.");
            node.put(EXISTING_JAVA_TYPE, "java.util.Map<java.lang.String,java.util.Map<java.lang.String,java.lang.Object>>");
            node.set("additionalProperties", arbitrary("One value of the map."));
            return node;
        }
        Optional<ObjectNode> scalar = scalar(name, values);
        if (scalar.isEmpty()) {
            notes.add(pointer + ": keyed by id, values of different types; kept as an arbitrary object.");
            return arbitrary("Keyed by id; values of different types.");
        }
        String javaType = switch (scalar.get().get("type").asText()) {
            case "integer" -> "java.lang.Long";
            case "number" -> "java.lang.Double";
            case "boolean" -> "java.lang.Boolean";
            default -> "java.lang.String";
        };
        ObjectNode node = NODES.objectNode().put("type", "object").put("description", REVIEW + " Keyed by id.")
                .put(EXISTING_JAVA_TYPE, "java.util.Map<java.lang.String," + javaType + ">");
        node.set("additionalProperties", scalar.get());
        return node;
    }

    /** A definition that is a map of {@code valueFile} ({@code user-map.json} for users), if the schemas have one. */
    private Optional<SchemaFile> sharedMap(SchemaFile valueFile) {
        for (SchemaFile file : schemas.files("definitions")) {
            JsonNode values = file.root().path("additionalProperties");
            if (file.root().has(EXISTING_JAVA_TYPE) && values.has("$ref")
                    && schemas.resolve(file, "/additionalProperties", values.get("$ref").asText()).file().equals(valueFile)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private ObjectNode inline(String pointer, List<JsonNode> objects, String simpleName) {
        String javaType = modelPackage + "." + simpleName;
        classes.add(javaType);
        notes.add(pointer + ": matches no shared definition; a new class " + simpleName + ".");
        ObjectNode node = NODES.objectNode().put("type", "object")
                .put("description", REVIEW + " Describe " + ("/data".equals(pointer) ? "the event's data" : pointer) + ".")
                .put(JAVA_TYPE, javaType);
        Map<String, List<JsonNode>> fields = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            object.properties().forEach(f -> fields.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(f.getValue()));
        }
        ObjectNode properties = node.putObject("properties");
        fields.forEach((field, values) ->
                properties.set(field, infer(field, pointer + "/" + SchemaSet.escape(field), values, simpleName)));
        return node;
    }

    private boolean keyedByIds(List<JsonNode> objects) {
        for (JsonNode object : objects) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                if (!HAS_DIGIT.matcher(entry.getKey()).matches() && !repeatsKey(entry.getValue(), entry.getKey())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean repeatsKey(JsonNode value, String key) {
        if (!value.isObject()) {
            return false;
        }
        for (JsonNode field : value) {
            if (field.isTextual() && field.asText().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** {@code <Trigger><Property>}, else {@code <Owner><Property>}, else numbered: a class no schema declares yet. */
    private String className(String property, String owner) {
        String base = Names.pascal(property.replaceAll("[^A-Za-z0-9]+", "_"));
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "Value" + base;
        }
        List<String> tries = new ArrayList<>(List.of(pascal + base, owner + base));
        for (int i = 2; i < 100; i++) {
            tries.add(pascal + base + i);
        }
        for (String name : tries) {
            if (!classes.contains(modelPackage + "." + name)) {
                return name;
            }
        }
        throw new ScaffoldException("no free class name for " + property);
    }

    private static String singular(String name) {
        return name.length() > 3 && name.endsWith("s") && !name.endsWith("ss") ? name.substring(0, name.length() - 1) : name + "Item";
    }

    private static ObjectNode arbitrary(String what) {
        return NODES.objectNode().put("type", "object").put("description", REVIEW + " " + what)
                .put(EXISTING_JAVA_TYPE, "java.util.Map<java.lang.String,java.lang.Object>");
    }

    private static ObjectNode ref(String nameInSchemaDirectory) {
        return NODES.objectNode().put("$ref", "../" + nameInSchemaDirectory);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
