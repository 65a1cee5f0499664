package dev.hookgen.cometchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.runtime.WebhookParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** idempotencyKey() is made of exactly the fields the trigger's schema names, in order. */
class IdempotencyKeyTest {

    private static final Path TRIGGERS = Path.of("..", "schemas", "triggers");

    static List<String> samples() {
        return Samples.names();
    }

    private static List<String> documentedPointers(String trigger) {
        try {
            JsonNode schema = Samples.PLAIN.readTree(TRIGGERS.resolve(trigger + ".json").toFile());
            List<String> pointers = new ArrayList<>();
            schema.get("x-hookgen-idempotency-key").forEach(p -> pointers.add(p.asText()));
            return pointers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String expectedKey(JsonNode payload, List<String> pointers) {
        List<String> parts = new ArrayList<>();
        for (String pointer : pointers) {
            JsonNode value = payload.at(pointer);
            parts.add(value.isMissingNode() || value.isNull() ? "" : value.asText().replace("%", "%25").replace(":", "%3A"));
        }
        return String.join(":", parts);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void keyIsMadeOfTheDocumentedFields(String sample) {
        byte[] body = Samples.bytes(sample);
        List<String> pointers = documentedPointers(Samples.trigger(sample));
        assertEquals(expectedKey(Samples.tree(body), pointers), WebhookEvents.parse(body).idempotencyKey());
    }

    @Test
    void documentedKeysForMessagesAndCalls() {
        assertEquals("<webhookID>:message_sent:1", WebhookEvents.parse(Samples.bytes("message_sent.json")).idempotencyKey());
        assertEquals("<webhookID>:call_initiated:52:1696934199",
                WebhookEvents.parse(Samples.bytes("call_initiated.json")).idempotencyKey());
        assertEquals("<webhookID>:call_ended:<sessionId>:1696934553",
                WebhookEvents.parse(Samples.bytes("call_ended.json")).idempotencyKey());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aRedeliveryHasTheSameKeyAndAnotherEventAnother(String sample) {
        byte[] body = Samples.bytes(sample);
        String key = WebhookEvents.parse(body).idempotencyKey();
        assertEquals(key, WebhookEvents.parse(body.clone()).idempotencyKey());
        ObjectNode other = (ObjectNode) Samples.tree(body);
        other.put("webhook", "another-webhook");
        assertNotEquals(key, WebhookEvents.parse(other.toString()).idempotencyKey());
    }

    @Test
    void separatorsInsideValuesCannotForgeAKey() {
        ObjectNode a = (ObjectNode) Samples.tree(Samples.bytes("message_sent.json"));
        a.put("webhook", "w:message_sent");
        ObjectNode b = (ObjectNode) Samples.tree(Samples.bytes("message_sent.json"));
        b.put("webhook", "w");
        String keyA = WebhookEvents.parse(a.toString()).idempotencyKey();
        assertEquals("w%3Amessage_sent:message_sent:1", keyA);
        assertNotEquals(keyA, WebhookEvents.parse(b.toString()).idempotencyKey());
    }

    @Test
    void aBodyWithoutItsKeyFieldsIsDriftNotAKeyWithEmptyParts() {
        WebhookParseException e = assertThrows(WebhookParseException.class,
                () -> WebhookEvents.parse("{\"trigger\":\"message_sent\",\"webhook\":\"w\",\"appId\":\"a\",\"region\":\"eu\"}"));
        assertEquals("$.data: required by the schema, but missing", e.getMessage());
    }

    @Test
    void unknownTriggersAreKeyedByTheirBytes() {
        String key = WebhookEvents.parse("{\"trigger\":\"new_thing\",\"webhook\":\"w\",\"data\":{\"id\":1}}").idempotencyKey();
        assertTrue(key.matches("w:new_thing:[0-9a-f]{64}"), key);
        assertFalse(key.equals(WebhookEvents.parse("{\"trigger\":\"new_thing\",\"webhook\":\"w\",\"data\":{\"id\":2}}")
                .idempotencyKey()));
    }
}
