package dev.hookgen.inbox.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one rule for strings in the inbox's text columns: reversible, one-to-one, and plain values unchanged. */
class PostgresTextTest {

    @Test
    void nulLoneSurrogatesAndBackslashesAreEscapedAsJsonWritesThem() {
        assertEquals("a\\u0000b", PostgresText.encode("a\u0000b"));
        assertEquals("\\ud83d cut", PostgresText.encode("\ud83d cut"));
        assertEquals("x\\udc00", PostgresText.encode("x\udc00"));
        assertEquals("\\udc00\\ud800", PostgresText.encode("\udc00\ud800"), "a low then a high surrogate are no pair");
        assertEquals("C:\\\\temp", PostgresText.encode("C:\\temp"));
        assertEquals("\\\\u0000", PostgresText.encode("\\u0000"), "the text of an escape is not the escaped character");
    }

    @Test
    void plainValuesAndSurrogatePairsAreStoredAsTheyAre() {
        for (String plain : List.of("message_sent", "webhook-1:message_sent:1", "~~a-b_c", "héllo \uD83D\uDE00 مرحبا", "")) {
            assertSame(plain, PostgresText.encode(plain));
            assertSame(plain, PostgresText.decode(plain));
        }
        assertEquals("\uD83D\uDE00", PostgresText.encode("\uD83D\uDE00"));
        assertNull(PostgresText.encode(null));
        assertNull(PostgresText.decode(null));
    }

    @Test
    void decodingGivesBackEveryStringAndNoEncodingHoldsWhatPostgresqlRefuses() {
        char[] alphabet = {'\\', 'u', 'd', '8', '0', 'a', 'F', ' ', '\u0000', '\ud800', '\udbff', '\udc00', '\udfff', 'x'};
        Random random = new Random(20261130);
        for (int n = 0; n < 100_000; n++) {
            char[] chars = new char[random.nextInt(9)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String value = new String(chars);
            String stored = PostgresText.encode(value);
            assertEquals(value, PostgresText.decode(stored), () -> "round trip of " + escape(value));
            assertTrue(storable(stored), () -> escape(value) + " stored as " + escape(stored));
        }
    }

    @Test
    void aBackslashThatStartsNoEscapeIsReadAsItIs() {
        assertEquals("a\\b", PostgresText.decode("a\\b"));
        assertEquals("\\u12", PostgresText.decode("\\u12"));
        assertEquals("\\u12g4", PostgresText.decode("\\u12g4"));
        assertEquals("end\\", PostgresText.decode("end\\"));
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        assertEquals("ab", PostgresText.truncate("ab\uD83D\uDE00", 3));
        assertEquals("ab\uD83D\uDE00", PostgresText.truncate("ab\uD83D\uDE00c", 4));
        assertEquals("abc", PostgresText.truncate("abcdef", 3));
        assertEquals("ab", PostgresText.truncate("ab", 3));
    }

    /** No NUL and no lone surrogate: what a PostgreSQL text column takes, and the JDBC driver writes unchanged. */
    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
