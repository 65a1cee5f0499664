package dev.hookgen.runtime;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The factory's parsers reject a repeated key however the caller moves through the tokens, and a parser of bytes
 * fails where {@link DuplicateKeyGuard} around Jackson's own parser failed: the same message at the same location.
 */
class StrictJsonFactoryTest {

    private static final JsonFactory STRICT = new StrictJsonFactory(new JsonFactoryBuilder());

    private static final JsonFactory PLAIN = new JsonFactory();

    /** A way through a body's tokens, as databind takes it. */
    @FunctionalInterface
    private interface Walk {
        void step(JsonParser parser) throws IOException;
    }

    /** Every way a caller can advance Jackson's parser, each until the end of the body. */
    private static final Map<String, Walk> WALKS = Map.of(
            "nextToken", JsonParser::nextToken,
            "nextValue", JsonParser::nextValue,
            "nextFieldName()", JsonParser::nextFieldName,
            "nextFieldName(expected)", parser -> parser.nextFieldName(new SerializedString("a")),
            "nextTextValue", JsonParser::nextTextValue,
            "nextIntValue", parser -> parser.nextIntValue(0),
            "nextLongValue", parser -> parser.nextLongValue(0),
            "nextBooleanValue", JsonParser::nextBooleanValue,
            "skipChildren", parser -> {
                if (parser.nextToken() == JsonToken.FIELD_NAME) {
                    parser.nextToken();
                }
                parser.skipChildren();
            });

    private static final List<String> DUPLICATES = List.of(
            "{\"a\":1,\"a\":1}",
            "{\"a\":\"x\",\"b\":{\"a\":{},\"a\":{}}}",
            "{\"b\":[{\"a\":true},{\"a\":1,\"b\":\"y\",\"a\":[1]}]}",
            "{\"b\":{\"c\":{\"d\":1}},\"a\":2,\"b\":3}",
            "[{\"a\":{\"a\":{\"a\":null}},\"a\":null}]",
            "{" + keys(20) + ",\"k7\":0}");

    private static String keys(int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add("\"k" + i + "\":{\"k" + i + "\":" + i + "}");
        }
        return String.join(",", keys);
    }

    private static List<JsonParser> parsers(String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        return List.of(STRICT.createParser(bytes), STRICT.createParser(body), STRICT.createParser(new StringReader(body)),
                STRICT.createParser(new ByteArrayInputStream(bytes)), STRICT.createParser(body.toCharArray()));
    }

    private static JsonParseException walk(JsonParser parser, Walk walk) {
        return assertThrows(JsonParseException.class, () -> {
            try (parser) {
                while (!parser.isClosed()) {
                    walk.step(parser);
                }
            }
        });
    }

    @Test
    void aRepeatedKeyIsRejectedWhicheverWayTheParserIsMoved() throws IOException {
        for (String body : DUPLICATES) {
            for (Map.Entry<String, Walk> walk : WALKS.entrySet()) {
                for (JsonParser parser : parsers(body)) {
                    String where = walk.getKey() + ", " + parser.getClass().getSimpleName() + ": " + body;
                    assertEquals("Duplicate field", walk(parser, walk.getValue()).getOriginalMessage().replaceAll(" '.*", ""), where);
                }
            }
        }
    }

    @Test
    void bytesAreReadByTheStrictParserTextThroughTheGuard() throws IOException {
        assertInstanceOf(StrictUtf8Parser.class, STRICT.createParser("{}".getBytes(UTF_8)));
        assertInstanceOf(StrictUtf8Parser.class, STRICT.createParser("\uFEFF{}".getBytes(UTF_8)));
        assertInstanceOf(DuplicateKeyGuard.class, STRICT.createParser("{}"));
        assertInstanceOf(DuplicateKeyGuard.class, STRICT.createParser("{}".getBytes(UTF_16LE)));
    }

    /** A byte order mark alone is skipped, as in longer bodies, where Jackson skips it only from four bytes on. */
    @Test
    void aByteOrderMarkAloneIsEmpty() throws IOException {
        try (JsonParser parser = STRICT.createParser("\uFEFF".getBytes(UTF_8))) {
            assertEquals(null, parser.nextToken());
        }
    }

    /** Failures of the strict parser of bytes against the guard around Jackson's parser of bytes: the same. */
    @Test
    void failuresFromBytesAreWhereTheGuardPutThem() throws IOException {
        List<String> bodies = new ArrayList<>(DUPLICATES);
        bodies.addAll(List.of("\uFEFF{\"a\":1,\n \"a\":2}", "\uFEFF{\"a\":1,\"é\":{\"é\":[]},\"é\":\"x\"}", "\uFEFF ", "\uFEFF1",
                "\uFEFF{\"a\" 1}", "{\"a\":1}}", "\uFEFF{\"k\\ud83d\":1}", "{\"a\":\"\\u00e9\",\"\\u0061\":2}"));
        for (String body : bodies) {
            byte[] bytes = body.getBytes(UTF_8);
            for (Map.Entry<String, Walk> walk : WALKS.entrySet()) {
                Exception expected = failure(new DuplicateKeyGuard(PLAIN.createParser(bytes)), walk.getValue());
                Exception actual = failure(STRICT.createParser(bytes), walk.getValue());
                String where = walk.getKey() + ": " + body;
                assertEquals(expected == null ? null : expected.getClass(), actual == null ? null : actual.getClass(), where);
                if (expected instanceof JsonParseException guard) {
                    JsonParseException strict = (JsonParseException) actual;
                    assertEquals(guard.getOriginalMessage(), strict.getOriginalMessage(), where);
                    assertEquals(describe(guard.getLocation()), describe(strict.getLocation()), where);
                }
            }
        }
    }

    private static Exception failure(JsonParser parser, Walk walk) {
        try (parser) {
            while (!parser.isClosed()) {
                walk.step(parser);
            }
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    private static String describe(JsonLocation location) {
        return location.getLineNr() + ":" + location.getColumnNr() + " @" + location.getByteOffset();
    }
}
