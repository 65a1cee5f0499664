package dev.hookgen.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.runtime.WebhookParseException.Kind;
import dev.hookgen.runtime.catalog.Ping;
import dev.hookgen.runtime.catalog.TestEvent;
import dev.hookgen.runtime.catalog.UnknownTestEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The parsing contract, on a one-trigger catalog written by hand. */
class EventReaderTest {

    private static final EventReader<TestEvent> READER = TestEvent.reader();

    private static WebhookParseException reject(String body) {
        return assertThrows(WebhookParseException.class, () -> READER.parse(body));
    }

    private static WebhookParseException reject(byte[] body) {
        return assertThrows(WebhookParseException.class, () -> READER.parse(body));
    }

    @Test
    void aKnownTriggerBindsToItsClassAndWritesBackTheSameJson() {
        Ping ping = assertInstanceOf(Ping.class, READER.parse(Json.PING));
        assertEquals("p-1", ping.getData().getId());
        assertEquals(1696934912L, ping.getData().getAt());
        assertEquals(new BigDecimal("0.50"), ping.getData().getScore(), "decimals are read exactly, trailing zero kept");
        assertEquals(List.of("a", "b"), ping.getData().getTags());
        assertEquals("test", ping.getAdditionalProperties().get("origin"));
        assertEquals("app:wh-1:ping:p-1", ping.idempotencyKey());
        assertEquals(Json.tree(Json.PING), Json.tree(READER.toJson(ping)));
        assertEquals(ping, READER.parse(Json.PING.getBytes(UTF_8)));
        assertEquals(ping, READER.parse(new ByteArrayInputStream(Json.PING.getBytes(UTF_8))));
    }

    @Test
    void theTriggerMayComeLast() {
        String last = "{\"data\":{\"id\":\"p-1\"},\"appId\":\"app\",\"extra\":[{\"trigger\":\"no\"}],\"trigger\":\"ping\"}";
        Ping ping = assertInstanceOf(Ping.class, READER.parse(last));
        assertEquals("p-1", ping.getData().getId());
        assertEquals(Json.tree(last), Json.tree(READER.toJson(ping)));
    }

    @Test
    void anUnknownTriggerIsKeptAsItCameKeyOrderIncluded() {
        String body = "{\"z\":1,\"trigger\":\"pong\",\"a\":{\"y\":[1,2.50,\"x\",null,true],\"b\":{}},\"webhook\":\"w\",\"appId\":\"app\"}";
        UnknownTestEvent event = assertInstanceOf(UnknownTestEvent.class, READER.parse(body));
        assertEquals("pong", event.getTrigger());
        assertEquals("app", event.getAppId());
        assertEquals(null, event.getRegion());
        assertEquals(body, READER.toJson(event));
        assertTrue(event.idempotencyKey().matches("app:w:pong:[A-Za-z0-9_-]{43}"), event.idempotencyKey());
        event.json().put("z", 2);
        assertEquals(body, READER.toJson(event), "json() is a copy");
    }

    @Test
    void aMissingOrNonStringTriggerIsDrift() {
        assertEquals("$.trigger: missing: every webhook names its trigger", reject("{\"data\":{}}").getMessage());
        assertEquals("$.trigger: must be a string, not null", reject("{\"trigger\":null,\"data\":{}}").getMessage());
        assertEquals("$.trigger: must be a string, not number", reject("{\"trigger\":5}").getMessage());
        assertEquals("$.trigger: must be a string, not boolean", reject("{\"trigger\":true}").getMessage());
        assertEquals("$.trigger: must be a string, not array", reject("{\"trigger\":[\"ping\"]}").getMessage());
        assertEquals("$.trigger: must be a string, not object", reject("{\"trigger\":{\"a\":1}}").getMessage());
        assertEquals("$.trigger: must be a string, not number", reject("{\"data\":{},\"trigger\":5}").getMessage(),
                "also when the trigger is last");
        WebhookParseException e = reject("{\"trigger\":5,\"appId\":\"app\"}");
        assertEquals(Kind.SCHEMA_DRIFT, e.kind());
        assertEquals(Json.tree("{\"trigger\":5,\"appId\":\"app\"}"), e.payload().orElseThrow());
    }

    @Test
    void aValueOfAnotherTypeIsDriftWithItsPathAndThePayload() {
        String drifted = Json.PING.replace("\"id\":\"p-1\"", "\"id\":7");
        WebhookParseException e = reject(drifted);
        assertEquals(Kind.SCHEMA_DRIFT, e.kind());
        assertTrue(e.isSchemaDrift());
        assertEquals("$.data.id: Cannot coerce Integer value (7) to `java.lang.String` value", e.getMessage());
        assertEquals("$.data.id", e.location().orElseThrow());
        assertEquals(Json.tree(drifted), e.payload().orElseThrow());
    }

    @Test
    void scalarsAreNotCoerced() {
        EventReader<TestEvent> strict = READER.withDriftPolicy(DriftPolicy.REJECT);
        for (String[] change : new String[][] {
                {"\"at\":1696934912", "\"at\":\"1696934912\""},
                {"\"at\":1696934912", "\"at\":1696934912.5"},
                {"\"at\":1696934912", "\"at\":true"},
                {"\"id\":\"p-1\"", "\"id\":1"},
                {"\"id\":\"p-1\"", "\"id\":false"},
                {"\"id\":\"p-1\"", "\"id\":1.5"},
                {"\"score\":0.50", "\"score\":\"0.50\""}}) {
            WebhookParseException e = assertThrows(WebhookParseException.class, () -> strict.parse(Json.PING.replace(change[0], change[1])));
            assertEquals(Kind.SCHEMA_DRIFT, e.kind(), change[1]);
            assertTrue(e.location().orElseThrow().startsWith("$.data."), e.getMessage());
            assertFalse(e.getMessage().contains("CoercionConfig"), "Jackson's hint about coercion is dropped: " + e.getMessage());
        }
    }

    @Test
    void emptyBodies() {
        assertEquals("empty body: a webhook is a JSON object", reject("").getMessage());
        assertEquals("empty body: a webhook is a JSON object", reject("  \n ").getMessage());
        assertEquals(Kind.NOT_JSON, reject(new byte[0]).kind());
    }

    @Test
    void brokenJsonSaysWhere() {
        WebhookParseException e = reject("hello");
        assertTrue(e.getMessage().startsWith("line 1, column 1: not valid JSON: Unrecognized token 'hello'"), e.getMessage());
        assertEquals(Kind.NOT_JSON, e.kind());
        assertTrue(e.payload().isEmpty());
        WebhookParseException truncated = reject(Json.PING.substring(0, 60));
        assertTrue(truncated.getMessage().matches("line 1, column \\d+: not valid JSON: Unexpected end-of-input.*"),
                truncated.getMessage());
    }

    @Test
    void aRootThatIsNotAnObject() {
        assertEquals("line 1, column 1: the body must be a JSON object, not an array", reject("[1,2]").getMessage());
        assertEquals("line 1, column 1: the body must be a JSON object, not a string", reject("\"ping\"").getMessage());
        assertEquals("line 1, column 1: the body must be a JSON object, not a number", reject("42").getMessage());
        assertEquals("line 1, column 1: the body must be a JSON object, not a boolean", reject("true").getMessage());
        assertEquals("line 1, column 2: the body must be a JSON object, not null", reject(" null").getMessage());
        assertEquals(Kind.NOT_AN_OBJECT, reject("[]").kind());
    }

    @Test
    void jsonIsStrict() {
        assertTrue(reject("{\"trigger\":\"ping\",}").getMessage().contains("not valid JSON"));
        assertTrue(reject("{\"trigger\":\"ping\" /* c */}").getMessage().contains("not valid JSON"));
        assertTrue(reject("{\"trigger\":\"ping\"} // c").getMessage().contains("not valid JSON"));
        assertTrue(reject("{'trigger':'ping'}").getMessage().contains("not valid JSON"));
        assertTrue(reject("{trigger:\"ping\"}").getMessage().contains("not valid JSON"));
        assertTrue(reject("{\"trigger\":\"ping\",\"a\":NaN}").getMessage().contains("not valid JSON"));
        assertTrue(reject("{\"trigger\":\"ping\",\"a\":01}").getMessage().contains("not valid JSON"));
        assertTrue(reject("{\"trigger\":\"ping\",\"a\":\"tab\there\"}").getMessage().contains("not valid JSON"));
        WebhookParseException trailing = reject("{\"trigger\":\"ping\"} {}");
        assertEquals("line 1, column 20: unexpected content after the JSON object", trailing.getMessage());
        assertEquals(Kind.NOT_JSON, trailing.kind());
        assertEquals(Kind.NOT_JSON, reject("{\"trigger\":\"pong\"} []").kind(), "also after an unknown trigger");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedAtOnce() {
        String deep = "{\"trigger\":\"ping\",\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        WebhookParseException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> reject(deep));
        assertEquals(Kind.LIMIT_EXCEEDED, e.kind());
        assertTrue(e.getMessage().contains("over a limit: Document nesting depth (65) exceeds the maximum allowed (64"),
                e.getMessage());
    }

    @Test
    void aStringLongerThanTheLimit() {
        EventReader<TestEvent> reader = READER.withLimits(ParseLimits.defaults().withMaxStringLength(1000));
        WebhookParseException e = assertThrows(WebhookParseException.class,
                () -> reader.parse("{\"trigger\":\"ping\",\"appId\":\"" + "a".repeat(5000) + "\"}"));
        assertEquals(Kind.LIMIT_EXCEEDED, e.kind());
        assertTrue(e.getMessage().contains("over a limit: String value length"), e.getMessage());
    }

    @Test
    void aDocumentLargerThanTheLimitIsRefusedBeforeParsing() {
        String huge = "{\"trigger\":\"ping\",\"a\":\"" + "a".repeat(2 << 20) + "\"}";
        WebhookParseException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> reject(huge.getBytes(UTF_8)));
        assertEquals("the body is larger than the limit of 1048576 bytes", e.getMessage());
        assertEquals(Kind.LIMIT_EXCEEDED, e.kind());
        assertEquals("the body is larger than the limit of 1048576 bytes", reject(huge).getMessage());
    }

    @Test
    void aStreamIsReadOnlyOneBytePastTheLimit() {
        AtomicLong read = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return ' ';
            }
        };
        EventReader<TestEvent> small = READER.withLimits(ParseLimits.defaults().withMaxDocumentBytes(100));
        assertEquals("the body is larger than the limit of 100 bytes",
                assertThrows(WebhookParseException.class, () -> small.parse(endless)).getMessage());
        assertEquals(101, read.get());
    }

    @Test
    void anUnreadableStream() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        WebhookParseException e = assertThrows(WebhookParseException.class, () -> READER.parse(broken));
        assertEquals("cannot read the body: connection reset", e.getMessage());
        assertEquals(Kind.UNREADABLE, e.kind());
    }

    /** A server's stream can fail with an unchecked exception (a servlet container's, a closed channel's): still UNREADABLE. */
    @Test
    void aStreamThatThrowsAnUncheckedExceptionIsUnreadable() {
        for (RuntimeException failure : List.of(new UncheckedIOException(new IOException("reset by peer")),
                new IllegalStateException("stream closed"), new IllegalStateException())) {
            InputStream broken = new InputStream() {
                @Override
                public int read() {
                    throw failure;
                }
            };
            WebhookParseException e = assertThrows(WebhookParseException.class, () -> READER.parse(broken));
            assertEquals(Kind.UNREADABLE, e.kind());
            assertSame(failure, e.getCause());
            assertEquals("cannot read the body: " + (failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage()),
                    e.getMessage());
        }
    }

    /** Text is held to the limit by its UTF-8 size, as the bytes it came as would be. */
    @Test
    void theSizeLimitOfTextCountsItsUtf8Bytes() {
        String ping = "{\"trigger\":\"ping\",\"data\":{\"id\":\"%s\"}}";
        String ascii = ping.formatted("x".repeat(60));
        String accents = ping.formatted("\u00e9".repeat(60));
        String emoji = ping.formatted("\ud83d\ude00".repeat(30));
        EventReader<TestEvent> small = READER.withLimits(ParseLimits.defaults().withMaxDocumentBytes(ascii.length()));
        assertInstanceOf(Ping.class, small.parse(ascii));
        for (String text : List.of(accents, emoji)) {
            assertEquals(text.length(), ascii.length(), "as many characters");
            WebhookParseException e = assertThrows(WebhookParseException.class, () -> small.parse(text));
            assertEquals(Kind.LIMIT_EXCEEDED, e.kind());
            assertEquals(e.getMessage(), assertThrows(WebhookParseException.class, () -> small.parse(text.getBytes(UTF_8))).getMessage(),
                    "text and its bytes are refused alike");
        }
        EventReader<TestEvent> fits = READER.withLimits(ParseLimits.defaults().withMaxDocumentBytes(accents.getBytes(UTF_8).length));
        assertEquals(fits.parse(accents.getBytes(UTF_8)), fits.parse(accents));
    }

    /** A leading byte order mark is ignored in text as in bytes (RFC 8259, section 8.1); elsewhere it is a character. */
    @Test
    void aLeadingByteOrderMarkIsIgnoredInTextAsInBytes() {
        String ping = "{\"trigger\":\"ping\",\"data\":{\"id\":\"1\"}}";
        assertEquals(READER.parse(ping), READER.parse("\uFEFF" + ping));
        assertEquals(READER.parse(("\uFEFF" + ping).getBytes(UTF_8)), READER.parse("\uFEFF" + ping));
        assertEquals(Kind.NOT_JSON, assertThrows(WebhookParseException.class, () -> READER.parse("\uFEFF\uFEFF" + ping)).kind());
    }

    /** A body of a byte order mark alone is empty, as bytes (three of them, fewer than Jackson skips a mark in) and as text. */
    @Test
    void aByteOrderMarkAloneIsAnEmptyBody() {
        for (String body : List.of("\uFEFF", "\uFEFF ")) {
            WebhookParseException text = reject(body);
            WebhookParseException bytes = reject(body.getBytes(UTF_8));
            assertEquals("empty body: a webhook is a JSON object", text.problem());
            assertEquals(List.of(text.kind(), text.problem(), text.location()), List.of(bytes.kind(), bytes.problem(), bytes.location()), body);
        }
    }

    @Test
    void withLimitsKeepsTheCatalog() {
        ParseLimits limits = new ParseLimits(100, 3, 10);
        EventReader<TestEvent> other = READER.withLimits(limits);
        assertSame(limits, other.limits());
        assertSame(TestEvent.class, other.eventType());
        assertEquals(ParseLimits.defaults(), READER.limits());
        assertTrue(assertThrows(WebhookParseException.class, () -> other.parse("{\"trigger\":\"ping\",\"data\":{\"tags\":[[[]]]}}"))
                .getMessage().contains("nesting depth"));
        assertInstanceOf(Ping.class, other.parse("{\"trigger\":\"ping\",\"data\":{\"id\":\"1\"}}"));
    }

    @Test
    void nothingButTheParseExceptionEscapesForAnyBytes() {
        Random random = new Random(7);
        byte[] alphabet = "{}[]\":,0123456789.-+eEtrufalsn \\u00ffabc\\n\\ud83d".getBytes(UTF_8);
        for (int i = 0; i < 20_000; i++) {
            byte[] body = new byte[random.nextInt(40)];
            for (int j = 0; j < body.length; j++) {
                body[j] = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            try {
                TestEvent event = READER.parse(body);
                assertEquals(event, READER.parse(READER.toJson(event)));
            } catch (WebhookParseException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
                assertPrintable(expected);
            }
        }
    }

    /**
     * Messages quote names and values of the body (ours and Jackson's): whatever they hold, a message is one line of
     * printable text, safe to log and to answer with.
     */
    @Test
    void aMessageIsOnePrintableLineWhateverTheBodyQuotes() {
        for (String hostile : List.of("a\\nb", "\\r\\n", "\\u0000", "\\u001b[31m", "\\ud83d", "\\ude00x")) {
            List<String> bodies = List.of(
                    "{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"%s\":1,\"%s\":2}}".formatted(hostile, hostile),
                    "{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"at\":\"%s\"}}".formatted(hostile),
                    "{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"tags\":[{\"%s\":1}]}}".formatted(hostile),
                    "{\"trigger\":\"ping\",\"data\":{\"id\":[\"%s\"]}}".formatted(hostile),
                    "{\"trigger\":\"ping\",\"%s\":1,\"%s\":1}".formatted(hostile, hostile),
                    "{\"trigger\":\"ping\",\"data\":{\"id\":\"1\"}} \"%s\"".formatted(hostile));
            for (String body : bodies) {
                EventReader<TestEvent> strict = READER.withDriftPolicy(DriftPolicy.REJECT);
                WebhookParseException e = assertThrows(WebhookParseException.class, () -> strict.parse(body), body);
                assertPrintable(e);
            }
        }
        WebhookParseException duplicate = assertThrows(WebhookParseException.class,
                () -> READER.parse("{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"a\\nb\":1,\"a\\nb\":2}}"));
        assertTrue(duplicate.getMessage().contains("Duplicate field 'a\\u000Ab'"), duplicate.getMessage());
    }

    private static void assertPrintable(WebhookParseException e) {
        for (String text : List.of(e.getMessage(), e.problem(), e.location().orElse(""))) {
            assertTrue(text.chars().noneMatch(c -> c < 0x20 || c == 0x7F), text);
            assertEquals(-1, Utf8.firstLoneSurrogate(text), text);
        }
    }

    @Test
    void toJsonWritesAnyEventOfTheCatalog() {
        UnknownTestEvent built = new UnknownTestEvent((ObjectNode) Json.tree("{\"trigger\":\"x\",\"n\":1}"));
        assertEquals("{\"trigger\":\"x\",\"n\":1}", READER.toJson(built));
    }
}
