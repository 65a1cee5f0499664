package dev.hookgen.cometchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.runtime.IdempotencyKey;
import dev.hookgen.runtime.WebhookParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** idempotencyKey() is made of exactly the parts the trigger's schema names, in order, written as the schemas README says. */
class IdempotencyKeyTest {

    private static final Path TRIGGERS = Path.of("..", "schemas", "triggers");

    /** Sorts map keys on writing: the canonical JSON of a digest part, computed here another way than the runtime does. */
    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    static List<String> samples() {
        return Samples.names();
    }

    private static List<String> keyParts(String trigger) {
        try {
            JsonNode schema = Samples.PLAIN.readTree(TRIGGERS.resolve(trigger + ".json").toFile());
            List<String> parts = new ArrayList<>();
            schema.get("x-hookgen-idempotency-key").forEach(p -> parts.add(p.asText()));
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key as the schemas README defines it, from the payload's JSON. */
    private static String expectedKey(JsonNode payload, List<String> parts) throws IOException {
        List<String> written = new ArrayList<>();
        for (String part : parts) {
            String text;
            if (part.startsWith("keys(")) {
                TreeSet<String> keys = new TreeSet<>();
                payload.at(part.substring(5, part.length() - 1)).properties().forEach(e -> keys.add(e.getKey()));
                text = String.join(",", keys.stream().map(k -> k.replace("%", "%25").replace(",", "%2C")).toList());
            } else if (part.startsWith("digest(")) {
                Object value = SORTED.convertValue(payload.at(part.substring(7, part.length() - 1)), Object.class);
                text = base64url(sha256(SORTED.writeValueAsBytes(value)));
            } else {
                text = payload.at(part).asText();
            }
            String encoded = text.replace("%", "%25").replace(":", "%3A").replace("~", "%7E");
            written.add(encoded.length() <= 64 ? encoded : "~" + base64url(sha256(text.getBytes(StandardCharsets.UTF_8))));
        }
        String key = String.join(":", written);
        return key.length() <= 200 ? key : "~~" + base64url(sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void keyIsMadeOfThePartsTheSchemaNames(String sample) throws IOException {
        byte[] body = Samples.bytes(sample);
        assertEquals(expectedKey(Samples.tree(body), keyParts(Samples.trigger(sample))), WebhookEvents.parse(body).idempotencyKey());
    }

    @Test
    void keysAsTheyRead() {
        assertEquals("<appId>:<webhookID>:message_sent:1:1696934912", WebhookEvents.parse(Samples.bytes("message_sent.json")).idempotencyKey());
        assertEquals("<appId>:<webhookID>:call_initiated:52:1696934199",
                WebhookEvents.parse(Samples.bytes("call_initiated.json")).idempotencyKey());
        assertEquals("<appId>:<webhookID>:call_ended:<sessionId>:1696934553",
                WebhookEvents.parse(Samples.bytes("call_ended.json")).idempotencyKey());
        String kicked = WebhookEvents.parse(Samples.bytes("group_member_kicked.json")).idempotencyKey();
        assertTrue(kicked.matches("<appId>:<webhookID>:group_member_kicked:cometchat-guid-1:cometchat-uid-1:cometchat-uid-2:[A-Za-z0-9_-]{43}"), kicked);
    }

    /** A webhook id is unique within one app only: one endpoint serving two apps keeps their events apart. */
    @ParameterizedTest
    @MethodSource("samples")
    void anotherAppOrWebhookIsAnotherKey(String sample) {
        byte[] body = Samples.bytes(sample);
        String key = WebhookEvents.parse(body).idempotencyKey();
        for (String field : List.of("appId", "webhook")) {
            ObjectNode other = (ObjectNode) Samples.tree(body);
            other.put(field, "another-" + field);
            assertNotEquals(key, WebhookEvents.parse(other.toString()).idempotencyKey(), field);
        }
    }

    @Test
    void separatorsInsideValuesCannotForgeAKey() {
        ObjectNode a = (ObjectNode) Samples.tree(Samples.bytes("message_sent.json"));
        a.put("webhook", "w:message_sent");
        ObjectNode b = (ObjectNode) Samples.tree(Samples.bytes("message_sent.json"));
        b.put("webhook", "w");
        String keyA = WebhookEvents.parse(a.toString()).idempotencyKey();
        assertEquals("<appId>:w%3Amessage_sent:message_sent:1:1696934912", keyA);
        assertNotEquals(keyA, WebhookEvents.parse(b.toString()).idempotencyKey());
    }

    /** A 900 KB id, in a body under the 1 MiB limit: the key stays short, and another such id gives another key. */
    @Test
    void aBodyWithoutItsKeyFieldsIsDriftNotAKeyWithEmptyParts() {
        WebhookParseException e = assertThrows(WebhookParseException.class,
                () -> WebhookEvents.parse("{\"trigger\":\"message_sent\",\"webhook\":\"w\",\"appId\":\"a\",\"region\":\"eu\"}"));
        assertEquals("$.data: required by the schema, but missing", e.getMessage());
    }

    @Test
    void aHugeIdGivesAKeyOfAtMost200Characters() {
        ObjectNode payload = (ObjectNode) Samples.tree(Samples.bytes("message_sent.json"));
        String id = "9".repeat(900 * 1024);
        ((ObjectNode) payload.at("/data/message")).put("id", id);
        String key = WebhookEvents.parse(payload.toString()).idempotencyKey();
        assertTrue(key.length() <= IdempotencyKey.MAX_LENGTH, key.length() + " characters");
        assertEquals("<appId>:<webhookID>:message_sent:~" + base64url(sha256(id.getBytes(StandardCharsets.UTF_8))) + ":1696934912", key);
        ((ObjectNode) payload.at("/data/message")).put("id", id.substring(1) + "8");
        assertNotEquals(key, WebhookEvents.parse(payload.toString()).idempotencyKey());
    }

    /** A part missing (an event built by hand; a parsed payload without a required field is schema drift). */
    @Test
    void anEventWithoutAKeyPartIsKeyedByItsWholeDigestNotByAnEmptyPart() {
        MessageSentEvent event = new MessageSentEvent();
        event.setTrigger("message_sent");
        event.setWebhook("w");
        String key = event.idempotencyKey();
        assertEquals(":w:message_sent:" + IdempotencyKey.digest(Samples.tree("{\"trigger\":\"message_sent\",\"webhook\":\"w\"}")), key);
        event.setAppId("another-app");
        assertNotEquals(key, event.idempotencyKey(), "two such events keep two keys");
    }

    @Test
    void unknownTriggersAreKeyedByTheirJsonInAnyKeyOrder() {
        String key = WebhookEvents.parse("{\"trigger\":\"new_thing\",\"appId\":\"a\",\"webhook\":\"w\",\"data\":{\"id\":1,\"at\":2}}").idempotencyKey();
        assertTrue(key.matches("a:w:new_thing:[A-Za-z0-9_-]{43}"), key);
        assertEquals(key, WebhookEvents.parse("{\"data\":{\"at\":2,\"id\":1},\n \"webhook\":\"w\", \"appId\":\"a\", \"trigger\":\"new_thing\"}")
                .idempotencyKey());
        assertNotEquals(key, WebhookEvents.parse("{\"trigger\":\"new_thing\",\"appId\":\"a\",\"webhook\":\"w\",\"data\":{\"id\":2,\"at\":2}}")
                .idempotencyKey());
        assertNotEquals(key, WebhookEvents.parse("{\"trigger\":\"new_thing\",\"appId\":\"b\",\"webhook\":\"w\",\"data\":{\"id\":1,\"at\":2}}")
                .idempotencyKey(), "another app");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
