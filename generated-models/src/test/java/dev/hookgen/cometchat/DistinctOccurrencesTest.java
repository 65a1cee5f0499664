package dev.hookgen.cometchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hookgen.runtime.IdempotencyKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule every key follows: a retry of a delivery (the same JSON, in any key order or white space) keeps its
 * key, and two different occurrences never share one. Checked on every sample as a seed, so that a new trigger's
 * schema is covered by adding its sample, without a test of its own.
 *
 * <p>The occurrences are made by changing one thing in a sample: each part the schema puts in the key, and,
 * independently of the key, every field under {@code data} that can name a subject or a time (an id, a uid, a
 * sender, an owner, a {@code ...By}, a {@code ...At}, a timestamp, a reaction, a scope) and every key of a map keyed
 * by id (members, users, mentions: a member renamed, a member added). Each change must change the key, unless the
 * trigger's schema says in {@code x-hookgen-idempotency-key-excludes} why it does not make another occurrence
 * (a field fixed by the key's parts, or a snapshot CometChat renders anew). Every such exclusion must be needed by
 * some sample, so none is left over.
 */
class DistinctOccurrencesTest {

    private static final Path TRIGGERS = Path.of("..", "schemas", "triggers");

    /** Reads decimals exactly, so that a sample written back is the same JSON value. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final Set<String> ID_NAMES = Set.of("id", "uid", "guid", "sessionId", "sessionid", "muid", "messageId", "_id");
    private static final Set<String> PARTY_NAMES = Set.of("sender", "receiver", "messageSender", "owner", "oldOwner");
    private static final Set<String> SUBJECT_NAMES = Set.of("reaction", "action", "scope", "oldScope");

    static List<String> samples() {
        return Samples.names();
    }

    static Stream<String> triggers() {
        try (Stream<Path> files = Files.list(TRIGGERS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aRetryInAnotherKeyOrderAndIndentationKeepsItsKey(String sample) throws IOException {
        byte[] body = Samples.bytes(sample);
        String key = WebhookEvents.parse(body).idempotencyKey();
        String retried = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reversed(tree(body)));
        assertNotEquals(new String(body, StandardCharsets.UTF_8).strip(), retried.strip());
        assertEquals(key, WebhookEvents.parse(retried).idempotencyKey(), sample + " re-serialized with keys reversed");
        assertEquals(key, WebhookEvents.parse(WebhookEvents.toJson(WebhookEvents.parse(body))).idempotencyKey(),
                sample + " as the receiver writes it");
        assertTrue(key.length() <= IdempotencyKey.MAX_LENGTH, key);
    }

    /** The parts the schema names, changed one at a time: the generated code reads each of them. */
    @ParameterizedTest
    @MethodSource("samples")
    void eachPartOfTheKeyChangedAloneChangesTheKey(String sample) {
        ObjectNode seed = (ObjectNode) tree(Samples.bytes(sample));
        String key = WebhookEvents.parse(seed.toString()).idempotencyKey();
        for (JsonNode part : schema(Samples.trigger(sample)).path("x-hookgen-idempotency-key")) {
            String text = part.asText();
            if (text.equals("/trigger")) {
                continue;
            }
            String pointer = text.replaceFirst("^(keys|digest)\\((.*)\\)$", "$2");
            List<Mutation> changes = new ArrayList<>();
            JsonNode target = seed.at(pointer);
            if (text.startsWith("keys(")) {
                changes.addAll(mapMutations(pointer, (ObjectNode) target));
            } else if (target.isValueNode()) {
                changes.add(valueMutation(pointer));
            } else {
                mutations(target, pointer, true, changes);
            }
            assertTrue(!changes.isEmpty(), sample + ": nothing to change in key part " + text);
            for (Mutation change : changes) {
                assertNotEquals(key, keyOf(seed, change), sample + ": changing " + change.what() + " (key part " + text + ")");
            }
        }
    }

    /**
     * Another subject or another time, found without looking at the key: each must give another key, or be
     * excluded by the schema with a reason.
     */
    @ParameterizedTest
    @MethodSource("samples")
    void anotherSubjectOrTimeIsAnotherOccurrence(String sample) {
        ObjectNode seed = (ObjectNode) tree(Samples.bytes(sample));
        String key = WebhookEvents.parse(seed.toString()).idempotencyKey();
        Map<String, String> exclusions = exclusions(Samples.trigger(sample));
        List<Mutation> changes = new ArrayList<>();
        mutations(seed.get("data"), "/data", false, changes);
        assertTrue(!changes.isEmpty(), sample + ": no id or time under data");
        List<String> merged = new ArrayList<>();
        for (Mutation change : changes) {
            if (excludedBy(change.pointer(), exclusions.keySet()) == null && key.equals(keyOf(seed, change))) {
                merged.add(change.what());
            }
        }
        if (!merged.isEmpty()) {
            fail(sample + ": these changes make another occurrence with the same key " + key + "; put the field in the key,"
                    + " or say in x-hookgen-idempotency-key-excludes why it does not tell occurrences apart:\n  "
                    + String.join("\n  ", merged));
        }
    }

    @ParameterizedTest
    @MethodSource("triggers")
    void everyExclusionIsNeededBySomeSample(String trigger) {
        Set<String> unused = new TreeSet<>(exclusions(trigger).keySet());
        for (String sample : samples()) {
            if (Samples.trigger(sample).equals(trigger)) {
                List<Mutation> changes = new ArrayList<>();
                mutations(tree(Samples.bytes(sample)).get("data"), "/data", false, changes);
                for (Mutation change : changes) {
                    String pattern = excludedBy(change.pointer(), unused);
                    if (pattern != null) {
                        unused.remove(pattern);
                    }
                }
            }
        }
        assertEquals(Set.of(), unused, trigger + ": exclusions that no id or time of its samples falls under");
    }

    // ------------------------------------------------------------------------------------------ mutations

    /** One change that makes another occurrence: where, what, and how. */
    private record Mutation(String pointer, String what, Consumer<ObjectNode> apply) {}

    private static String keyOf(ObjectNode seed, Mutation change) {
        ObjectNode copy = seed.deepCopy();
        change.apply().accept(copy);
        return WebhookEvents.parse(copy.toString()).idempotencyKey();
    }

    /**
     * The changes below {@code node}: every key of a map keyed by id, and every scalar whose name says it names a
     * subject or a time ({@code all}: every scalar).
     */
    private static void mutations(JsonNode node, String pointer, boolean all, List<Mutation> out) {
        if (node.isObject()) {
            if (keyedById(node)) {
                out.addAll(mapMutations(pointer, (ObjectNode) node));
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (field.getValue().isContainerNode()) {
                    mutations(field.getValue(), child, all, out);
                } else if (!field.getValue().isNull() && (all || identifying(field.getKey()))) {
                    out.add(valueMutation(child));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isContainerNode()) {
                    mutations(item, pointer + "/" + i, all, out);
                } else if (all && !item.isNull()) {
                    out.add(valueMutation(pointer + "/" + i));
                }
            }
        }
    }

    static boolean identifying(String name) {
        return ID_NAMES.contains(name) || name.endsWith("Id") || name.endsWith("_id")
                || PARTY_NAMES.contains(name) || name.endsWith("By")
                || name.endsWith("At") || name.endsWith("_at") || name.endsWith("Time") || name.equals("timestamp")
                || name.endsWith("Timestamp") || SUBJECT_NAMES.contains(name);
    }

    /** A map whose every value is an object naming its key as its uid, id or guid: members, users, mentions. */
    private static boolean keyedById(JsonNode node) {
        if (node.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isObject() || !(entry.getKey().equals(value.path("uid").asText(null))
                    || entry.getKey().equals(value.path("id").asText(null)) || entry.getKey().equals(value.path("guid").asText(null)))) {
                return false;
            }
        }
        return true;
    }

    /** Another member in the first one's place (only the map's key differs, as in the issue), and one more member. */
    private static List<Mutation> mapMutations(String pointer, ObjectNode map) {
        String first = map.properties().iterator().next().getKey();
        return List.of(
                new Mutation(pointer, "the key \"" + first + "\" of " + pointer + " renamed", root -> {
                    ObjectNode at = (ObjectNode) root.at(pointer);
                    Map<String, JsonNode> entries = new LinkedHashMap<>();
                    at.properties().forEach(e -> entries.put(e.getKey().equals(first) ? first + "-2" : e.getKey(), e.getValue()));
                    at.removeAll();
                    entries.forEach(at::set);
                }),
                new Mutation(pointer, "a member added to " + pointer, root -> {
                    ObjectNode at = (ObjectNode) root.at(pointer);
                    at.set(first + "-3", at.get(first).deepCopy());
                }));
    }

    /** The scalar at {@code pointer} changed, keeping its type: a number plus one, a string that is a number too. */
    private static Mutation valueMutation(String pointer) {
        int slash = pointer.lastIndexOf('/');
        String parent = pointer.substring(0, slash);
        String name = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        return new Mutation(pointer, pointer + " changed", root -> {
            JsonNode container = root.at(parent);
            JsonNode value = container.isArray() ? container.get(Integer.parseInt(name)) : container.get(name);
            JsonNode changed = changed(value);
            if (container instanceof ArrayNode array) {
                array.set(Integer.parseInt(name), changed);
            } else {
                ((ObjectNode) container).set(name, changed);
            }
        });
    }

    private static JsonNode changed(JsonNode value) {
        if (value.isIntegralNumber()) {
            return JSON.getNodeFactory().numberNode(value.asLong() + 1);
        }
        if (value.isNumber()) {
            return JSON.getNodeFactory().numberNode(value.decimalValue().add(BigDecimal.ONE));
        }
        if (value.isBoolean()) {
            return JSON.getNodeFactory().booleanNode(!value.asBoolean());
        }
        String text = value.asText();
        if (text.matches("[0-9]{1,18}")) {
            return TextNode.valueOf(String.valueOf(Long.parseLong(text) + 1));
        }
        return TextNode.valueOf(text + "-2");
    }

    // ------------------------------------------------------------------------------------------ schemas

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode schema(String trigger) {
        try {
            return JSON.readTree(TRIGGERS.resolve(trigger + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> exclusions(String trigger) {
        Map<String, String> exclusions = new LinkedHashMap<>();
        schema(trigger).path("x-hookgen-idempotency-key-excludes").properties()
                .forEach(e -> exclusions.put(e.getKey(), e.getValue().asText()));
        return exclusions;
    }

    /** The pattern that covers {@code pointer}: equal to it or to a parent of it, {@code *} matching any one step. */
    static String excludedBy(String pointer, Set<String> patterns) {
        String[] steps = pointer.split("/", -1);
        for (String pattern : patterns) {
            String[] wanted = pattern.split("/", -1);
            boolean matches = wanted.length <= steps.length;
            for (int i = 0; matches && i < wanted.length; i++) {
                matches = wanted[i].equals("*") || wanted[i].equals(steps[i]);
            }
            if (matches) {
                return pattern;
            }
        }
        return null;
    }

    /** The same JSON value with every object's keys in reverse order. */
    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            ObjectNode out = JSON.createObjectNode();
            for (int i = fields.size() - 1; i >= 0; i--) {
                out.set(fields.get(i).getKey(), reversed(fields.get(i).getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(item -> out.add(reversed(item)));
            return out;
        }
        return node;
    }
}
