package dev.hookgen.cometchat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.cometchat.model.UserRef;
import dev.hookgen.runtime.ParseLimits;
import dev.hookgen.runtime.WebhookParseException;
import org.junit.jupiter.api.Test;

/**
 * End to end: the generated catalog on the runtime's reader. Everything that is not an event raises
 * WebhookParseException, saying what and where, at the paths of the real schemas. The contract's own tests,
 * case by case, are in hookgen-runtime ({@code EventReaderTest}, {@code DuplicateKeyGuardTest}, ...).
 */
class BadInputTest {

    private static final String SENT = new String(Samples.bytes("message_sent.json"), UTF_8);

    private static WebhookParseException reject(String body) {
        return assertThrows(WebhookParseException.class, () -> WebhookEvents.parse(body));
    }

    private static WebhookParseException reject(byte[] body) {
        return assertThrows(WebhookParseException.class, () -> WebhookEvents.parse(body));
    }

    @Test
    void eachFailureSaysItsKind() {
        assertEquals(WebhookParseException.Kind.NOT_JSON, reject("").kind());
        assertEquals(WebhookParseException.Kind.NOT_JSON, reject("{\"trigger\":").kind());
        assertEquals(WebhookParseException.Kind.NOT_JSON, reject("{\"a\":1,\"a\":2}").kind());
        assertEquals(WebhookParseException.Kind.NOT_AN_OBJECT, reject("[]").kind());
        assertEquals(WebhookParseException.Kind.LIMIT_EXCEEDED, reject("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}").kind());
        assertEquals(WebhookParseException.Kind.LIMIT_EXCEEDED, reject(new byte[(1 << 20) + 1]).kind());
        assertEquals(WebhookParseException.Kind.SCHEMA_DRIFT, reject("{\"data\":{}}").kind());
        assertEquals(WebhookParseException.Kind.SCHEMA_DRIFT, reject(SENT.replace("\"id\": \"1\"", "\"id\": 1")).kind());
        assertTrue(reject(SENT.replace("\"id\": \"1\"", "\"id\": 1")).isSchemaDrift());
        assertFalse(reject("[]").isSchemaDrift());
    }




    @Test
    void invalidUtf8() {
        byte[] body = "{\"trigger\":\"message_sent\",\"appId\":\"a\u00e9\"}".getBytes(UTF_8);
        body[body.length - 4] = (byte) 0xC3;
        body[body.length - 3] = (byte) 0x28;
        WebhookParseException e = reject(body);
        assertEquals("byte 36: not UTF-8 (C3 28 22 7D)", e.getMessage());
        assertEquals(WebhookParseException.Kind.NOT_JSON, e.kind());
    }


    @Test
    void missingNullOrNonStringTrigger() {
        assertEquals("$.trigger: missing: every webhook names its trigger", reject("{\"data\":{}}").getMessage());
        assertEquals("$.trigger: must be a string, not null", reject("{\"trigger\":null,\"data\":{}}").getMessage());
        assertEquals("$.trigger: must be a string, not number", reject("{\"trigger\":5}").getMessage());
        assertEquals("$.trigger: must be a string, not boolean", reject("{\"trigger\":true}").getMessage());
        assertEquals("$.trigger: must be a string, not array", reject("{\"trigger\":[\"message_sent\"]}").getMessage());
        assertEquals("$.trigger: must be a string, not object", reject("{\"trigger\":{\"a\":1}}").getMessage());
    }

    @Test
    void knownTriggerWithAFieldOfTheWrongType() {
        String drifted = SENT.replace("\"sentAt\": 1696934912", "\"sentAt\": \"yesterday\"");
        WebhookParseException e = reject(drifted);
        assertEquals("$.data.message.sentAt", e.location().orElseThrow());
        assertEquals("$.data.message.sentAt: Cannot coerce String value (\"yesterday\") to `java.lang.Long` value", e.getMessage());
        assertTrue(e.isSchemaDrift());
        assertEquals(Samples.tree(drifted), e.payload().orElseThrow());
    }

    @Test
    void scalarsAreNotCoercedInRequiredFieldsAndTypeIds() {
        assertEquals("$.data.message.sentAt", reject(SENT.replace("\"sentAt\": 1696934912", "\"sentAt\": \"1696934912\""))
                .location().orElseThrow());
        assertEquals("$.data.message.id", reject(SENT.replace("\"id\": \"1\"", "\"id\": 1")).location().orElseThrow());
        assertEquals("$.data.message.sentAt", reject(SENT.replace("\"sentAt\": 1696934912", "\"sentAt\": 1696934912.5"))
                .location().orElseThrow());
        assertEquals("$.data.message.data.entities.sender.entityType",
                reject(SENT.replace("\"entityType\": \"user\"", "\"entityType\": 1")).location().orElseThrow());
    }

    @Test
    void aRequiredFieldOfAnotherTypeIsDriftButAnOptionalOneIsToleratedAndKept() {
        assertEquals("$.data.message.sentAt: Cannot coerce String value (\"1696934912\") to `java.lang.Long` value",
                reject(SENT.replace("\"sentAt\": 1696934912", "\"sentAt\": \"1696934912\"")).getMessage());
        String drifted = SENT.replace("\"lastActiveAt\": 1696934440", "\"lastActiveAt\": \"1696934440.5\"");
        MessageSentEvent event = (MessageSentEvent) WebhookEvents.parse(drifted);
        UserRef sender = (UserRef) event.getData().getMessage().getData().getEntities().getSender();
        assertNull(sender.getEntity().getLastActiveAt());
        assertEquals("[$.data.message.data.entities.sender.entity.lastActiveAt: integer expected, found string \"1696934440.5\"]",
                event.schemaDrift().toString());
        assertEquals(Samples.tree(drifted), Samples.tree(WebhookEvents.toJson(event)));
    }

    @Test
    void aKnownTriggerInAForeignShapeIsDriftNotAnEventOfNulls() {
        // CometChat's legacy webhooks reuse message_delivery_receipt with a flat data (cometchat-delivery.md, item 9)
        String legacy = "{\"trigger\":\"message_delivery_receipt\",\"appId\":\"a\",\"data\":{\"messageId\":\"5\","
                + "\"receiptType\":\"delivery\",\"deliveredAt\":1696934912,\"sender\":\"u1\",\"receiver\":\"u2\"}}";
        WebhookParseException e = reject(legacy);
        assertEquals(WebhookParseException.Kind.SCHEMA_DRIFT, e.kind());
        assertTrue(e.getMessage().endsWith(": required by the schema, but missing"), e.getMessage());
        assertEquals(Samples.tree(legacy), e.payload().orElseThrow());
    }


    @Test
    void duplicateKeysAreRejected() {
        WebhookParseException e = reject("{\"trigger\":\"message_sent\",\"appId\":\"a\",\"appId\":\"b\"}");
        assertTrue(e.getMessage().contains("not valid JSON: Duplicate field 'appId'"), e.getMessage());
    }



    @Test
    void aSecondTriggerCannotSmuggleAnotherEvent() {
        String smuggled = SENT.replaceFirst("\\{", "{\"trigger\": \"group_deleted\",");
        WebhookParseException e = reject(smuggled);
        assertTrue(e.getMessage().contains("Duplicate field 'trigger'"), e.getMessage());
        String smuggledLast = SENT.substring(0, SENT.lastIndexOf('}')) + ",\"trigger\":\"group_deleted\"}";
        assertTrue(reject(smuggledLast).getMessage().contains("Duplicate field 'trigger'"));
    }




    @Test
    void limitsAreConfigurable() {
        WebhookParser small = WebhookEvents.parser(ParseLimits.defaults().withMaxDocumentBytes(100));
        assertEquals("the body is larger than the limit of 100 bytes",
                assertThrows(WebhookParseException.class, () -> small.parse(SENT)).getMessage());
        WebhookParser shallow = WebhookEvents.parser(ParseLimits.defaults().withMaxNestingDepth(3));
        assertTrue(assertThrows(WebhookParseException.class, () -> shallow.parse(SENT)).getMessage().contains("nesting depth"));
        assertThrows(IllegalArgumentException.class, () -> ParseLimits.defaults().withMaxNestingDepth(0));
        WebhookParser tighter = WebhookEvents.parser().withLimits(ParseLimits.defaults().withMaxDocumentBytes(100));
        assertEquals(100, tighter.limits().maxDocumentBytes());
        assertEquals(ParseLimits.defaults(), WebhookEvents.parser().limits());
    }
}
