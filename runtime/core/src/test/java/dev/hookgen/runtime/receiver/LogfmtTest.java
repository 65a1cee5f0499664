package dev.hookgen.runtime.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogfmtTest {

    @Test
    void aPlainTokenIsWrittenAsItIs() {
        assertEquals("message_sent", Logfmt.value("message_sent", 64));
        assertEquals("$.data.message.sentAt", Logfmt.value("$.data.message.sentAt", 64));
        assertEquals("/webhooks/cometchat", Logfmt.value("/webhooks/cometchat", 64));
        assertEquals("-", Logfmt.value(null, 64));
        assertEquals("\"\"", Logfmt.value("", 64));
    }

    @Test
    void aLineBreakCannotForgeALogLine() {
        String forged = "x\n2026-01-01T00:00:00Z POST /webhooks/cometchat status=200 trigger=message_sent";
        assertEquals("\"x\\u000a2026-01-01T00:00:00Z POST /webhooks/cometchat status=200 trigger=message_sent\"",
                Logfmt.value(forged, 200));
        assertEquals("a\\u000db\\u000d\\u000ac", Logfmt.value("a\rb\r\nc", 64));
    }

    @Test
    void aSpaceOrAnEqualsSignCannotForgeAField() {
        assertEquals("\"x outcome=accepted\"", Logfmt.value("x outcome=accepted", 64));
        assertEquals("\"a=b\"", Logfmt.value("a=b", 64));
        assertEquals("\"say \\\"hi\\\"\"", Logfmt.value("say \"hi\"", 64));
        assertEquals("\"\\\"\"", Logfmt.value("\"", 64), "a lone quote cannot close the field");
    }

    @Test
    void aBackslashIsDoubledSoThatTextLookingLikeAnEscapeStaysDistinct() {
        assertEquals("a\\\\u000ab", Logfmt.value("a\\u000ab", 64));
        assertEquals("\\\\", Logfmt.value("\\", 64));
    }

    @Test
    void controlAndNonAsciiCharactersAreEscapedAsUtf16Units() {
        assertEquals("\\u001b[31mred\\u001b[0m", Logfmt.value("\u001b[31mred\u001b[0m", 64), "ANSI colours");
        assertEquals("a\\u0000b\\u0007\\u0008\\u007f", Logfmt.value("a\u0000b\u0007\u0008\u007f", 64));
        assertEquals("\\u0085\\u2028\\u2029", Logfmt.value("\u0085\u2028\u2029", 64), "NEL and Unicode line breaks");
        assertEquals("abc\\u202edcba", Logfmt.value("abc\u202edcba", 64), "a right-to-left override");
        assertEquals("\\ufeff\\u00e9\\ud83d\\ude00\\ud83d", Logfmt.value("\ufeff\u00e9\ud83d\ude00\ud83d", 64),
                "BOM, accent, emoji, lone surrogate");
    }

    @Test
    void noCharacterEverComesOutRawOrUnbalanced() {
        for (int c = 0; c <= 0xffff; c++) {
            String text = "a" + (char) c + "b";
            String value = Logfmt.value(text, 64);
            for (int i = 0; i < value.length(); i++) {
                char out = value.charAt(i);
                assertTrue(out >= 0x20 && out < 0x7f, "U+" + Integer.toHexString(c) + " gave " + value);
            }
            String inner = value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
            assertEquals(-1, inner.replace("\\\\", "").replace("\\\"", "").indexOf('"'), value);
            if (!value.startsWith("\"")) {
                assertEquals(-1, value.indexOf(' '), value);
                assertEquals(-1, value.indexOf('='), value);
            }
        }
    }

    @Test
    void aLongValueIsCutAndSaysHowLongItWas() {
        String value = Logfmt.value("m".repeat(10_240), 64);
        assertEquals("\"" + "m".repeat(64) + "...(10240 chars)\"", value);
        String escaped = Logfmt.value("\n".repeat(10_240), 64);
        assertEquals(6 * 64 + "...(10240 chars)".length() + 2, escaped.length(), "at most 6 characters per kept unit");
        assertEquals("\"ab...(3 chars)\"", Logfmt.value("abc", 2));
        assertEquals("abc", Logfmt.value("abc", 3), "exactly the limit is not cut");
    }

    @Test
    void theLimitMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Logfmt.value("x", 0));
        assertEquals("maxChars must be at least 1, not 0", e.getMessage());
    }
}
