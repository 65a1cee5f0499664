package dev.hookgen.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.runtime.catalog.Ping;
import dev.hookgen.runtime.catalog.TestEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JavaScript client that cuts a string mid-emoji sends half a surrogate pair as an escape ({@code "hi\ud83d"},
 * what JSON.stringify writes). Lossless means it comes back as that escape: as a raw character it is not Unicode,
 * and becomes {@code ?} once the JSON is written as UTF-8 (an events file, a queue).
 */
class LoneSurrogateTest {

    private static final EventReader<TestEvent> READER = TestEvent.reader();

    /** The JSON back, through UTF-8 as a file would have it, parsed again: the same value. */
    private static void survivesUtf8(String body) {
        TestEvent event = READER.parse(body.getBytes(UTF_8));
        String json = READER.toJson(event);
        assertEquals(-1, Utf8.firstLoneSurrogate(json), "toJson is Unicode text: " + json);
        byte[] file = json.getBytes(UTF_8);
        assertEquals(Json.tree(body), Json.tree(new String(file, UTF_8)));
        assertEquals(event, READER.parse(file));
    }

    @Test
    void halfAPairInAnyStringComesBackAsItsEscape() {
        for (String half : List.of("\\ud83d", "\\ude00", "\\uDBFF", "\\ude00\\ud83d", "x\\ud83dy\\ud83d\\ude00z")) {
            survivesUtf8("{\"trigger\":\"ping\",\"data\":{\"id\":\"hi" + half + "\",\"tags\":[\"" + half + "\"],\"extra\":{\"t\":\""
                    + half + "\",\"l\":[\"" + half + "\"]}},\"origin\":\"" + half + "\"}");
            survivesUtf8("{\"trigger\":\"pong\",\"deep\":{\"a\":[\"" + half + "\"]},\"s\":\"" + half + "\"}");
        }
        String json = READER.toJson(READER.parse("{\"trigger\":\"ping\",\"data\":{\"id\":\"hi\\ud83d\"}}"));
        assertTrue(json.contains("\"id\":\"hi\\uD83D\""), json);
    }

    @Test
    void wholePairsStayCharacters() {
        String json = READER.toJson(READER.parse("{\"trigger\":\"ping\",\"data\":{\"id\":\"\\ud83d\\ude00 \ud83d\ude01\"}}"));
        assertTrue(json.contains("\"id\":\"\ud83d\ude00 \ud83d\ude01\""), json);
        assertFalse(json.contains("\\u"), json);
    }

    @Test
    void aFieldNameWithHalfAPairIsRefusedFromBytesAndFromText() {
        String body = "{\"trigger\":\"ping\",\"data\":{\"id\":\"1\"},\"k\\ud83d\":1}";
        for (WebhookParseException e : List.of(assertThrows(WebhookParseException.class, () -> READER.parse(body)),
                assertThrows(WebhookParseException.class, () -> READER.parse(body.getBytes(UTF_8))))) {
            assertEquals(WebhookParseException.Kind.NOT_JSON, e.kind());
        }
        assertTrue(assertThrows(WebhookParseException.class, () -> READER.parse(body)).getMessage()
                .endsWith("not valid JSON: Field name with half a surrogate pair"));
        assertEquals("1", ((Ping) READER.parse("{\"trigger\":\"ping\",\"data\":{\"id\":\"1\"},\"k\\ud83d\\ude00\":1}")).getData().getId());
    }
}
