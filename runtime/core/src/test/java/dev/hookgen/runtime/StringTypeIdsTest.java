package dev.hookgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookgen.runtime.catalog.OtherSubject;
import dev.hookgen.runtime.catalog.Ping;
import dev.hookgen.runtime.catalog.TestEvent;
import dev.hookgen.runtime.catalog.UserSubject;
import org.junit.jupiter.api.Test;

/**
 * Type ids must be JSON strings: Jackson alone reads {@code "kind": 5} as the id {@code "5"} and writes it back
 * as a string, changing the payload on its way through.
 */
class StringTypeIdsTest {

    private static final EventReader<TestEvent> READER = TestEvent.reader();

    private static String ping(String subject) {
        return "{\"trigger\":\"ping\",\"data\":{\"id\":\"p\",\"subject\":" + subject + "}}";
    }

    @Test
    void aStringIdPicksTheVariantAndAnUnknownOneTheFallbackLosslessly() {
        Ping user = assertInstanceOf(Ping.class, READER.parse(ping("{\"kind\":\"user\",\"uid\":\"u1\"}")));
        assertEquals("u1", assertInstanceOf(UserSubject.class, user.getData().getSubject()).getUid());
        String bot = ping("{\"uid\":\"b1\",\"kind\":\"bot\",\"model\":{\"name\":\"x\"}}");
        Ping other = assertInstanceOf(Ping.class, READER.parse(bot));
        assertInstanceOf(OtherSubject.class, other.getData().getSubject());
        assertEquals(Json.tree(bot), Json.tree(READER.toJson(other)));
    }

    @Test
    void aNestedIdThatIsNotAStringIsDriftAtItsPath() {
        for (String[] kind : new String[][] {{"5", "number"}, {"1.5", "number"}, {"true", "boolean"}}) {
            WebhookParseException e = assertThrows(WebhookParseException.class,
                    () -> READER.parse(ping("{\"kind\":" + kind[0] + ",\"uid\":\"u1\"}")));
            assertEquals(WebhookParseException.Kind.SCHEMA_DRIFT, e.kind());
            assertEquals("$.data.subject.kind: must be a string, not " + kind[1], e.getMessage());
        }
        for (String structure : new String[] {"[\"user\"]", "{\"a\":1}"}) {
            WebhookParseException e = assertThrows(WebhookParseException.class,
                    () -> READER.parse(ping("{\"kind\":" + structure + ",\"uid\":\"u1\"}")));
            assertEquals(WebhookParseException.Kind.SCHEMA_DRIFT, e.kind());
            assertEquals("$.data.subject.kind", e.location().orElseThrow(), e.getMessage());
        }
    }

    @Test
    void aNestedIdThatIsNotAStringIsDriftAlsoWhenItComesLast() {
        WebhookParseException e = assertThrows(WebhookParseException.class,
                () -> READER.parse(ping("{\"uid\":\"u1\",\"kind\":7}")));
        assertEquals("$.data.subject.kind: must be a string, not number", e.getMessage());
    }
}
