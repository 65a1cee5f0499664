package dev.hookgen.cometchat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Everything that is not an event raises WebhookParseException, saying what and where. */
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
    void emptyBody() {
        assertEquals("empty body: a webhook is a JSON object", reject("").getMessage());
        assertEquals("empty body: a webhook is a JSON object", reject("  \n ").getMessage());
    }

    @Test
    void notJson() {
        WebhookParseException e = reject("hello");
        assertTrue(e.getMessage().startsWith("line 1, column 1: not valid JSON: Unrecognized token 'hello'"), e.getMessage());
        assertFalse(e.isSchemaDrift());
    }

    @Test
    void truncatedJson() {
        WebhookParseException e = reject(SENT.substring(0, 200));
        assertTrue(e.getMessage().matches("line \\d+, column \\d+: not valid JSON: Unexpected end-of-input.*"), e.getMessage());
        assertFalse(e.isSchemaDrift());
    }

    @Test
    void invalidUtf8() {
        byte[] body = "{\"trigger\":\"message_sent\",\"appId\":\"a\u00e9\"}".getBytes(UTF_8);
        body[body.length - 4] = (byte) 0xC3;
        body[body.length - 3] = (byte) 0x28;
        WebhookParseException e = reject(body);
        assertTrue(e.getMessage().contains("not valid JSON: Invalid UTF-8"), e.getMessage());
    }

    @Test
    void rootThatIsNotAnObject() {
        assertEquals("line 1, column 1: the body must be a JSON object, not an array", reject("[1,2]").getMessage());
        assertEquals("line 1, column 1: the body must be a JSON object, not a string", reject("\"message_sent\"").getMessage());
        assertEquals("line 1, column 1: the body must be a JSON object, not a number", reject("42").getMessage());
        assertEquals("line 1, column 2: the body must be a JSON object, not null", reject(" null").getMessage());
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
    void scalarsAreNotCoerced() {
        assertEquals("$.data.message.sentAt", reject(SENT.replace("\"sentAt\": 1696934912", "\"sentAt\": \"1696934912\""))
                .location().orElseThrow());
        assertEquals("$.data.message.id", reject(SENT.replace("\"id\": \"1\"", "\"id\": 1")).location().orElseThrow());
        assertEquals("$.data.message.sentAt", reject(SENT.replace("\"sentAt\": 1696934912", "\"sentAt\": 1696934912.5"))
                .location().orElseThrow());
        assertEquals("$.data.message.data.entities.sender.entity.lastActiveAt",
                reject(SENT.replace("\"lastActiveAt\": 1696934440", "\"lastActiveAt\": true")).location().orElseThrow());
    }

    @Test
    void strictJson() {
        assertTrue(reject("{\"trigger\":\"x\",}").getMessage().contains("not valid JSON"));
        assertTrue(reject("{\"trigger\":\"x\" /* c */}").getMessage().contains("not valid JSON"));
        assertTrue(reject("{'trigger':'x'}").getMessage().contains("not valid JSON"));
        assertTrue(reject("{\"trigger\":\"x\"} {}").getMessage().contains("unexpected content after the JSON object"));
    }

    @Test
    void duplicateKeysAreRejected() {
        WebhookParseException e = reject("{\"trigger\":\"message_sent\",\"appId\":\"a\",\"appId\":\"b\"}");
        assertTrue(e.getMessage().contains("not valid JSON: Duplicate field 'appId'"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRejectedAtEveryDepthAndSize() {
        String many = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "\"k" + i + "\":" + i)
                .collect(java.util.stream.Collectors.joining(","));
        for (String body : java.util.List.of(
                "{\"trigger\":\"x\",\"data\":{\"a\":1,\"b\":{\"c\":2},\"a\":3}}",
                "{\"trigger\":\"x\",\"data\":[{\"a\":1},{\"a\":1,\"a\":2}]}",
                "{\"trigger\":\"x\",\"data\":{" + many + ",\"k3\":0}}",
                "{\"trigger\":\"x\",\"data\":{" + many + ",\"inner\":{" + many + "},\"k39\":0}}",
                "{\"data\":{\"a\":{\"b\":1,\"b\":2}},\"trigger\":\"message_sent\"}",
                SENT.replace("\"text\": \"hi\",", "\"text\": \"hi\", \"text\": \"bye\","),
                SENT.replace("\"entityType\": \"user\"", "\"entityType\": \"bot\", \"entityType\": \"bot\""))) {
            WebhookParseException e = reject(body);
            assertTrue(e.getMessage().contains("not valid JSON: Duplicate field '"), e.getMessage());
            assertEquals(WebhookParseException.Kind.NOT_JSON, e.kind());
        }
    }

    @Test
    void theSameKeyInSiblingAndNestedObjectsIsFine() {
        String many = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "\"k" + i + "\":" + i)
                .collect(java.util.stream.Collectors.joining(","));
        String body = "{\"trigger\":\"x\",\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":1},{\"a\":2}],"
                + "\"c\":{" + many + "},\"d\":{" + many + ",\"e\":{" + many + "}}}";
        assertEquals(Samples.tree(body), Samples.tree(WebhookEvents.toJson(WebhookEvents.parse(body))));
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
    void nestingDeeperThanTheLimit() {
        String deep = "{\"trigger\":\"x\",\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        WebhookParseException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> reject(deep));
        assertTrue(e.getMessage().contains("over a limit: Document nesting depth (65) exceeds the maximum allowed (64"),
                e.getMessage());
    }

    @Test
    void stringLongerThanTheLimit() {
        WebhookParser parser = WebhookEvents.parser(ParseLimits.defaults().withMaxStringLength(1000));
        String body = "{\"trigger\":\"message_sent\",\"appId\":\"" + "a".repeat(5000) + "\"}";
        WebhookParseException e = assertThrows(WebhookParseException.class, () -> parser.parse(body));
        assertTrue(e.getMessage().contains("over a limit: String value length"), e.getMessage());
    }

    @Test
    void documentLargerThanTheLimit() {
        String huge = "{\"trigger\":\"x\",\"a\":\"" + "a".repeat(2 << 20) + "\"}";
        WebhookParseException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> reject(huge.getBytes(UTF_8)));
        assertEquals("the body is larger than the limit of 1048576 bytes", e.getMessage());
        assertEquals("the body is larger than the limit of 1048576 bytes",
                assertThrows(WebhookParseException.class,
                        () -> WebhookEvents.parse(new ByteArrayInputStream(huge.getBytes(UTF_8)))).getMessage());
    }

    @Test
    void limitsAreConfigurable() {
        WebhookParser small = WebhookEvents.parser(ParseLimits.defaults().withMaxDocumentBytes(100));
        assertEquals("the body is larger than the limit of 100 bytes",
                assertThrows(WebhookParseException.class, () -> small.parse(SENT)).getMessage());
        WebhookParser shallow = WebhookEvents.parser(ParseLimits.defaults().withMaxNestingDepth(3));
        assertTrue(assertThrows(WebhookParseException.class, () -> shallow.parse(SENT)).getMessage().contains("nesting depth"));
        assertThrows(IllegalArgumentException.class, () -> ParseLimits.defaults().withMaxNestingDepth(0));
    }

    @Test
    void unreadableStream() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertEquals("cannot read the body: connection reset",
                assertThrows(WebhookParseException.class, () -> WebhookEvents.parse(broken)).getMessage());
    }
}
