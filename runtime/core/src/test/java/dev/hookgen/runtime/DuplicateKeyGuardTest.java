package dev.hookgen.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.runtime.catalog.TestEvent;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * RFC 8259 strict reading: no object repeats a key, at any depth, in any kind of object; from bytes (read by a
 * {@link StrictUtf8Parser}) as from text (read through a {@link DuplicateKeyGuard}), with the same message and location.
 */
class DuplicateKeyGuardTest {

    private static final EventReader<TestEvent> READER = TestEvent.reader();

    /** The body read from its UTF-8 bytes and from its text: the same event, or the same failure. */
    private static TestEvent parse(String body) {
        WebhookParseException fromText = null;
        TestEvent event = null;
        try {
            event = READER.parse(body);
        } catch (WebhookParseException e) {
            fromText = e;
        }
        try {
            TestEvent fromBytes = READER.parse(body.getBytes(UTF_8));
            assertNull(fromText, () -> "bytes parsed, text failed: " + body);
            assertEquals(event, fromBytes);
            return event;
        } catch (WebhookParseException fromBytes) {
            assertNotNull(fromText, () -> "text parsed, bytes failed: " + body);
            assertEquals(fromText.getMessage(), fromBytes.getMessage(), body);
            throw fromBytes;
        }
    }

    private static String keys(int count) {
        return IntStream.range(0, count).mapToObj(i -> "\"k" + i + "\":" + i).collect(Collectors.joining(","));
    }

    private static void rejected(String body, String key) {
        WebhookParseException e = assertThrows(WebhookParseException.class, () -> parse(body), body);
        assertEquals(WebhookParseException.Kind.NOT_JSON, e.kind());
        assertTrue(e.getMessage().matches("line \\d+, column \\d+: not valid JSON: Duplicate field '" + key + "'"), e.getMessage());
        assertTrue(e.payload().isEmpty());
    }

    @Test
    void aRepeatedKeyIsRejectedWhereverItIs() {
        rejected("{\"trigger\":\"ping\",\"appId\":\"a\",\"appId\":\"b\"}", "appId");
        rejected("{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"subject\":{\"kind\":\"user\"},\"id\":\"2\"}}", "id");
        rejected("{\"trigger\":\"ping\",\"data\":{\"tags\":[],\"extra\":[{\"a\":1},{\"a\":1,\"a\":2}]}}", "a");
        rejected("{\"trigger\":\"ping\",\"data\":{\"subject\":{\"kind\":\"bot\",\"x\":{\"y\":1,\"y\":1}}}}", "y");
        rejected("{\"data\":{\"a\":{\"b\":1,\"b\":2}},\"trigger\":\"ping\"}", "b");
        rejected("{\"trigger\":\"pong\",\"deep\":{\"a\":[[{\"c\":1,\"c\":1}]]}}", "c");
    }

    @Test
    void aSecondTriggerCannotSmuggleAnotherEvent() {
        rejected("{\"trigger\":\"pong\",\"trigger\":\"ping\"}", "trigger");
        rejected("{\"trigger\":\"ping\",\"data\":{},\"trigger\":\"pong\"}", "trigger");
        rejected("{\"data\":{},\"trigger\":\"ping\",\"trigger\":\"ping\"}", "trigger");
    }

    @Test
    void largeObjectsAreCheckedPastTheScanLimit() {
        rejected("{\"trigger\":\"ping\",\"data\":{" + keys(40) + ",\"k3\":0}}", "k3");
        rejected("{\"trigger\":\"ping\",\"data\":{" + keys(40) + ",\"inner\":{" + keys(40) + "},\"k39\":0}}", "k39");
        rejected("{\"trigger\":\"ping\",\"data\":{" + keys(17) + ",\"k16\":0}}", "k16");
        rejected("{\"trigger\":\"ping\",\"data\":{" + keys(16) + ",\"k0\":0}}", "k0");
    }

    @Test
    void theSameKeyInSiblingAndNestedObjectsIsFine() {
        String body = "{\"trigger\":\"ping\",\"data\":{\"id\":\"1\"},\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":1},{\"a\":2}],"
                + "\"c\":{" + keys(40) + "},\"d\":{" + keys(40) + ",\"e\":{" + keys(40) + "}},\"f\":{" + keys(40) + "}}";
        assertEquals(Json.tree(body), Json.tree(READER.toJson(parse(body))));
    }

    @Test
    void manyKeysStayLinear() {
        String wide = "{\"trigger\":\"ping\",\"data\":{\"id\":\"1\"," + keys(40_000) + "}}";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> READER.parse(wide));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> READER.parse(wide.getBytes(UTF_8)));
        List<String> objects = IntStream.range(0, 3_000).mapToObj(i -> "{" + keys(20) + "}").toList();
        String many = "{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"extra\":[" + String.join(",", objects) + "]}}";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> READER.parse(many));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> READER.parse(many.getBytes(UTF_8)));
    }
}
