package dev.hookgen.cometchat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.runtime.DriftPolicy;
import dev.hookgen.runtime.SchemaDrift;
import dev.hookgen.runtime.WebhookParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever is done to a sample (fields deleted, duplicated, retyped; bytes truncated,
 * flipped or injected), parse either returns an event, which writes back as JSON, or throws
 * WebhookParseException with a message. Nothing else. An event's schema drift names places that are in
 * the body with the values found there, and the strict reader refuses exactly the events that have drift.
 * Seeded, so a failure replays.
 */
class MutationTest {

    private static final int MUTATIONS_PER_SAMPLE = 150;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static List<String> samples() {
        return Samples.names();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyOutcomeIsAnEventOrAParseException(String sample) {
        byte[] original = Samples.bytes(sample);
        Random random = new Random(sample.hashCode());
        int events = 0;
        int rejected = 0;
        for (int i = 0; i < MUTATIONS_PER_SAMPLE; i++) {
            byte[] body = i % 2 == 0 ? mutateTree(original, random) : mutateBytes(original, random);
            try {
                WebhookEvent event = WebhookEvents.parse(body);
                assertNotNull(event.idempotencyKey());
                String json = WebhookEvents.toJson(event);
                JsonNode expected = withoutNulls(Samples.tree(body));
                JsonNode actual = withoutNulls(Samples.tree(json));
                assertEquals(expected, actual, () -> "lossless for mutation: " + difference(expected, actual, "$"));
                checkDrift(event, Samples.tree(body), body);
                events++;
            } catch (WebhookParseException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
                rejected++;
            } catch (RuntimeException | Error other) {
                fail("mutation " + i + " of " + sample + " escaped as " + other + ":\n" + new String(body, UTF_8), other);
            }
        }
        assertTrue(events > 0 && rejected > 0, "both outcomes exercised: " + events + " events, " + rejected + " rejected");
    }

    private static final WebhookParser STRICT = WebhookEvents.parser().withDriftPolicy(DriftPolicy.REJECT);

    /** Each drift entry is a place in the body holding its value (or, for an item, the list it is in). */
    private static void checkDrift(WebhookEvent event, JsonNode body, byte[] bytes) {
        for (SchemaDrift drift : event.schemaDrift()) {
            JsonPointer at = pointer(drift.path());
            JsonNode found = body.at(at);
            assertTrue(!found.isMissingNode(), drift + " names a place in the body");
            assertTrue(found.equals(drift.value()) || body.at(at.head()).equals(drift.value()), drift + " holds " + found);
        }
        boolean strictTakesIt;
        try {
            STRICT.parse(bytes);
            strictTakesIt = true;
        } catch (WebhookParseException refused) {
            strictTakesIt = false;
        }
        assertEquals(event.schemaDrift().isEmpty(), strictTakesIt, "the strict reader refuses exactly the drift: " + event.schemaDrift());
    }

    /** {@code $.data['a.b'][2].c} as a JSON Pointer. */
    private static JsonPointer pointer(String path) {
        JsonPointer pointer = JsonPointer.empty();
        Matcher step = Pattern.compile("\\.([^.\\[]+)|\\['((?:[^'\\\\]|\\\\.)*)'\\]|\\[(\\d+)\\]").matcher(path);
        for (int at = 1; step.find(at) && step.start() == at; at = step.end()) {
            pointer = step.group(1) != null ? pointer.appendProperty(step.group(1))
                    : step.group(2) != null ? pointer.appendProperty(step.group(2).replaceAll("\\\\(.)", "$1"))
                    : pointer.appendIndex(Integer.parseInt(step.group(3)));
        }
        return pointer;
    }

    private static byte[] mutateTree(byte[] original, Random random) {
        JsonNode root = Samples.tree(original);
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode object && object.size() > 0) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                switch (random.nextInt(4)) {
                    case 0 -> object.remove(name);
                    case 1 -> object.set(name, retyped(object.get(name), random));
                    case 2 -> object.set(name + "_copy", object.get(name).deepCopy());
                    default -> object.set("x" + random.nextInt(1000), retyped(NODES.nullNode(), random));
                }
            } else if (target instanceof ArrayNode array && array.size() > 0) {
                int index = random.nextInt(array.size());
                if (random.nextBoolean()) {
                    array.remove(index);
                } else {
                    array.set(index, retyped(array.get(index), random));
                }
            }
        }
        String json = root.toString();
        if (random.nextInt(8) == 0) {
            int at = json.indexOf("\"trigger\"");
            if (at > 0) {
                json = json.substring(0, at) + "\"trigger\":\"message_sent\"," + json.substring(at);
            }
        }
        return json.getBytes(UTF_8);
    }

    private static JsonNode retyped(JsonNode value, Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.textNode(value.isTextual() ? value.asText() + "x" : value.toString());
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(random.nextDouble());
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> NODES.arrayNode().add(value.deepCopy());
            default -> NODES.objectNode().set("wrapped", value.deepCopy());
        };
    }

    private static byte[] mutateBytes(byte[] original, Random random) {
        byte[] body = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                return java.util.Arrays.copyOf(body, random.nextInt(body.length));
            }
            case 1 -> body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            case 2 -> {
                int at = random.nextInt(body.length);
                byte[] inject = switch (random.nextInt(5)) {
                    case 0 -> new byte[] {(byte) 0xC3, (byte) 0x28};
                    case 1 -> "{\"a\":".getBytes(UTF_8);
                    case 2 -> ",".getBytes(UTF_8);
                    case 3 -> "\u0000".getBytes(UTF_8);
                    default -> "[[[[[[[[".getBytes(UTF_8);
                };
                byte[] out = new byte[body.length + inject.length];
                System.arraycopy(body, 0, out, 0, at);
                System.arraycopy(inject, 0, out, at, inject.length);
                System.arraycopy(body, at, out, at + inject.length, body.length - at);
                return out;
            }
            default -> {
                int from = random.nextInt(body.length);
                int to = Math.min(body.length, from + 1 + random.nextInt(20));
                byte[] out = new byte[body.length - (to - from)];
                System.arraycopy(body, 0, out, 0, from);
                System.arraycopy(body, to, out, from, body.length - to);
                return out;
            }
        }
        return body;
    }

    /** The contract lets an explicit null come back absent: compare without them. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            node.properties().forEach(f -> {
                if (!f.getValue().isNull()) {
                    out.set(f.getKey(), withoutNulls(f.getValue()));
                }
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(item -> out.add(withoutNulls(item)));
            return out;
        }
        return node;
    }

    private static String difference(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject() && actual.isObject()) {
            for (var it = expected.properties().iterator(); it.hasNext(); ) {
                var field = it.next();
                JsonNode other = actual.get(field.getKey());
                if (other == null) {
                    return path + "." + field.getKey() + " lost";
                }
                String inner = difference(field.getValue(), other, path + "." + field.getKey());
                if (inner != null) {
                    return inner;
                }
            }
            for (var it = actual.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!expected.has(name)) {
                    return path + "." + name + " added: " + actual.get(name);
                }
            }
            return null;
        }
        return expected.equals(actual) ? null : path + ": " + expected + " became " + actual;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collect(child, out));
        }
    }
}
