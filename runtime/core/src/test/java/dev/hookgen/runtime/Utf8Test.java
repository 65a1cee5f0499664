package dev.hookgen.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookgen.runtime.catalog.Ping;
import dev.hookgen.runtime.catalog.TestEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 8259 section 8.1: JSON text exchanged between systems is UTF-8. */
class Utf8Test {

    private static final EventReader<TestEvent> READER = TestEvent.reader();

    /** A ping whose id is {@code "a<bytes>b"}: the bytes inside a string value. */
    private static byte[] pingWith(byte... inside) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"trigger\":\"ping\",\"data\":{\"id\":\"a".getBytes(UTF_8));
        body.writeBytes(inside);
        body.writeBytes("b\"}}".getBytes(UTF_8));
        return body.toByteArray();
    }

    private static final int AT = "{\"trigger\":\"ping\",\"data\":{\"id\":\"a".length();

    private static WebhookParseException reject(byte[] body) {
        WebhookParseException e = assertThrows(WebhookParseException.class, () -> READER.parse(body));
        assertEquals(WebhookParseException.Kind.NOT_JSON, e.kind());
        return e;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void wellFormedSequencesOfEveryLengthAreRead() {
        for (String text : new String[] {"é", "€", "\uFFFF", "😀", new String(Character.toChars(0x10FFFF)), "\u0080", "\u07FF", "\u0800"}) {
            Ping ping = assertInstanceOf(Ping.class, READER.parse(pingWith(text.getBytes(UTF_8))));
            assertEquals("a" + text + "b", ping.getData().getId());
        }
    }

    @Test
    void everyIllFormedSequenceIsRefusedAtItsFirstByte() {
        int[][] cases = {
            {0xC0, 0xAF}, {0xC0, 0x80}, {0xC1, 0xBF}, {0xE0, 0x80, 0xAF}, {0xF0, 0x80, 0x80, 0xAF}, // overlong
            {0xED, 0xA0, 0xBD}, {0xED, 0xBF, 0xBF},                                                     // surrogates
            {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80},                                         // above U+10FFFF
            {0xF8, 0x88, 0x80, 0x80, 0x80}, {0xFC, 0x84, 0x80, 0x80, 0x80, 0x80}, {0xFE}, {0xFF},      // 5, 6 bytes, never
            {0x80}, {0xBF}, {0xC3, 0x28}, {0xE2, 0x82}, {0xF0, 0x9F, 0x98},                             // stray, truncated
        };
        for (int[] sequence : cases) {
            WebhookParseException e = reject(pingWith(bytes(sequence)));
            assertEquals("byte " + AT, e.location().orElseThrow(), e.getMessage());
            assertEquals(String.format("byte %d: not UTF-8 (%02X", AT, sequence[0]), e.getMessage().substring(0,
                    e.getMessage().indexOf('(') + 3));
        }
        WebhookParseException truncatedAtTheEnd = reject(bytes(0x7B, 0x22, 0xE2, 0x82));
        assertEquals("byte 2: not UTF-8 (E2 82)", truncatedAtTheEnd.getMessage());
    }

    @Test
    void aNulByteIsRefusedAndWithItUtf16AndUtf32() {
        assertEquals("byte " + AT + ": a NUL byte (JSON text is UTF-8: UTF-16 and UTF-32 bodies are refused)",
                reject(pingWith((byte) 0)).getMessage());
        String ping = "{\"trigger\":\"ping\",\"data\":{\"id\":\"1\"}}";
        for (String charset : new String[] {"UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE", "UTF-32BE", "UTF-32"}) {
            byte[] body = ping.getBytes(Charset.forName(charset));
            reject(body);
            ByteArrayOutputStream withBom = new ByteArrayOutputStream();
            withBom.writeBytes(charset.startsWith("UTF-16") ? "\uFEFF".getBytes(Charset.forName(charset.endsWith("LE") ? "UTF-16LE" : "UTF-16BE"))
                    : "\uFEFF".getBytes(Charset.forName(charset.endsWith("LE") ? "UTF-32LE" : "UTF-32BE")));
            withBom.writeBytes(body);
            reject(withBom.toByteArray());
        }
    }

    @Test
    void aLeadingUtf8ByteOrderMarkIsIgnoredAsRfc8259Allows() {
        byte[] ping = "{\"trigger\":\"ping\",\"data\":{\"id\":\"1\"}}".getBytes(UTF_8);
        byte[] withBom = new byte[ping.length + 3];
        System.arraycopy(bytes(0xEF, 0xBB, 0xBF), 0, withBom, 0, 3);
        System.arraycopy(ping, 0, withBom, 3, ping.length);
        assertEquals(READER.parse(ping), READER.parse(withBom));
        assertEquals("a\uFEFFb", ((Ping) READER.parse(pingWith(bytes(0xEF, 0xBB, 0xBF)))).getData().getId(), "inside text it is a character");
    }

    @Test
    void theValidatorAgreesWithTheJdksStrictDecoderOnRandomBytes() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(12)];
            for (int j = 0; j < bytes.length; j++) {
                int kind = random.nextInt(4);
                bytes[j] = (byte) (kind == 0 ? 0x20 + random.nextInt(0x60) : kind == 1 ? 0x80 + random.nextInt(0x40) : 0xC0 + random.nextInt(0x40));
            }
            assertEquals(jdkFirstInvalid(bytes), Utf8.firstInvalid(bytes), () -> java.util.HexFormat.ofDelimiter(" ").formatHex(bytes));
        }
    }

    @Test
    void textWithALoneSurrogateCharacterIsNotUnicodeButTheEscapeIsJson() {
        WebhookParseException e = assertThrows(WebhookParseException.class,
                () -> READER.parse("{\"trigger\":\"ping\",\"data\":{\"id\":\"hi\ud83d\"}}"));
        assertEquals("character 34: a lone surrogate (U+D83D): the text is not Unicode", e.getMessage());
        assertEquals(WebhookParseException.Kind.NOT_JSON, e.kind());
        assertEquals("hi\ud83d", ((Ping) READER.parse("{\"trigger\":\"ping\",\"data\":{\"id\":\"hi\\ud83d\"}}")).getData().getId());
        assertEquals("\ud83d\ude00", ((Ping) READER.parse("{\"trigger\":\"ping\",\"data\":{\"id\":\"\ud83d\ude00\"}}")).getData().getId());
    }

    /** Where the JDK's decoder, told to report malformed input (and NUL, which it takes), stops; -1 if nowhere. */
    private static int jdkFirstInvalid(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return jdkFirstInvalidBefore(bytes, i);
            }
        }
        return jdkFirstInvalidBefore(bytes, bytes.length);
    }

    private static int jdkFirstInvalidBefore(byte[] bytes, int end) {
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, end);
        try {
            UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT).decode(in);
            return end < bytes.length ? end : -1;
        } catch (CharacterCodingException e) {
            return in.position();
        }
    }
}
