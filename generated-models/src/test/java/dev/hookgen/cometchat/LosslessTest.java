package dev.hookgen.cometchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** For every body that parses, toJson gives back the same JSON: unknown triggers, key order, unknown fields. */
class LosslessTest {

    static List<String> samples() {
        return Samples.names();
    }

    private static void assertRoundTrip(JsonNode body) {
        WebhookEvent event = WebhookEvents.parse(body.toString());
        assertEquals(body, Samples.tree(WebhookEvents.toJson(event)));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void triggerLastBindsTheSameClass(String sample) {
        ObjectNode body = (ObjectNode) Samples.tree(Samples.bytes(sample));
        JsonNode trigger = body.remove("trigger");
        body.set("trigger", trigger);
        WebhookEvent event = WebhookEvents.parse(body.toString());
        assertEquals(Trigger.fromWireName(Samples.trigger(sample)).orElseThrow().eventType(), event.getClass());
        assertRoundTrip(body);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void keysInReverseOrderAtEveryLevel(String sample) {
        assertRoundTrip(reversed(Samples.tree(Samples.bytes(sample))));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void unknownFieldsSurviveAtEveryDepth(String sample) {
        JsonNode body = Samples.tree(Samples.bytes(sample));
        int added = addUnknownFields(body, 0);
        WebhookEvent event = WebhookEvents.parse(body.toString());
        assertEquals(body, Samples.tree(WebhookEvents.toJson(event)));
        assertEquals(true, added >= 2, "the root and data got unknown fields");
    }

    @Test
    void unknownTriggerIsKeptWhole() {
        String body = "{\"data\":{\"transcript\":{\"id\":\"t1\",\"lines\":[{\"at\":1.50,\"text\":\"hi\"}],\"big\":123456789012345678901234567890},"
                + "\"nothing\":null},\"trigger\":\"call_transcript_generated\",\"appId\":\"a\",\"region\":\"eu\",\"webhook\":\"w\"}";
        UnknownEvent event = assertInstanceOf(UnknownEvent.class, WebhookEvents.parse(body));
        assertEquals("call_transcript_generated", event.getTrigger());
        assertEquals("a", event.getAppId());
        assertEquals("eu", event.getRegion());
        assertEquals("w", event.getWebhook());
        assertEquals(body, WebhookEvents.toJson(event), "byte for byte, key order included");
    }

    @Test
    void decimalsAndBigNumbersInUnmodelledFieldsKeepEveryDigit() {
        ObjectNode body = (ObjectNode) Samples.tree(Samples.bytes("message_sent.json"));
        ((ObjectNode) body.get("data")).put("score", new java.math.BigDecimal("1.50"))
                .put("huge", new java.math.BigInteger("123456789012345678901234567890"));
        String json = WebhookEvents.toJson(WebhookEvents.parse(body.toString()));
        assertEquals(true, json.contains("\"score\":1.50"), json);
        assertEquals(true, json.contains("\"huge\":123456789012345678901234567890"), json);
    }

    @Test
    void unknownEntityTypeIsKept() {
        ObjectNode body = (ObjectNode) Samples.tree(Samples.bytes("message_sent.json"));
        ObjectNode receiver = (ObjectNode) body.at("/data/message/data/entities/receiver");
        receiver.put("entityType", "bot");
        ((ObjectNode) receiver.get("entity")).put("botId", "b-1");
        MessageSentEvent event = (MessageSentEvent) WebhookEvents.parse(body.toString());
        var unknown = assertInstanceOf(dev.hookgen.cometchat.model.UnknownEntityRef.class,
                event.getData().getMessage().getData().getEntities().getReceiver());
        assertEquals("bot", unknown.getEntityType());
        assertEquals("b-1", unknown.getEntity().get("botId").asText());
        assertRoundTrip(body);
    }

    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.properties().forEach(fields::add);
            ObjectNode out = Samples.PLAIN.createObjectNode();
            for (int i = fields.size() - 1; i >= 0; i--) {
                out.set(fields.get(i).getKey(), reversed(fields.get(i).getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Samples.PLAIN.createArrayNode();
            node.forEach(item -> out.add(reversed(item)));
            return out;
        }
        return node;
    }

    /**
     * Adds {@code "x-future-<depth>": {...}} to every object; returns how many objects got one. In a map keyed by
     * id, a new key is a new entry, so the value added is a copy of an object already there (when there is one)
     * with the unknown fields on it: a new member is still a member.
     */
    private static int addUnknownFields(JsonNode node, int depth) {
        int added = 0;
        if (node.isObject()) {
            List<JsonNode> children = new ArrayList<>();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                children.add(it.next());
            }
            for (JsonNode child : children) {
                added += addUnknownFields(child, depth + 1);
            }
            ObjectNode extra = children.stream().filter(JsonNode::isObject).findFirst()
                    .map(sibling -> (ObjectNode) sibling.deepCopy()).orElseGet(Samples.PLAIN::createObjectNode);
            ((ObjectNode) node).set("x-future-" + depth, extra);
            extra.put("flag", true).put("n", 7).putArray("list").add("a").addObject().put("deep", depth);
            added++;
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                added += addUnknownFields(child, depth + 1);
            }
        }
        return added;
    }
}
