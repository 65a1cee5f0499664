package dev.hookgen.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 (RFC 3629; Unicode's table 3-7 of well-formed byte sequences), which RFC 8259 section 8.1 requires
 * of JSON text: Jackson alone accepts overlong encodings ({@code C0 AF} decodes to {@code /}), code points above
 * U+10FFFF, and UTF-16 and UTF-32 bodies (it detects them). A NUL byte is refused too: raw, it is never JSON, and
 * every UTF-16 or UTF-32 JSON text has one. Allocation-free; runs of ASCII are skipped eight bytes at a time.
 *
 * <pre>
 *   01..7F
 *   C2..DF 80..BF
 *   E0     A0..BF 80..BF         (no overlongs)
 *   E1..EC 80..BF 80..BF
 *   ED     80..9F 80..BF         (no surrogates)
 *   EE..EF 80..BF 80..BF
 *   F0     90..BF 80..BF 80..BF  (no overlongs)
 *   F1..F3 80..BF 80..BF 80..BF
 *   F4     80..8F 80..BF 80..BF  (nothing above U+10FFFF)
 *   00, 80..C1, F5..FF never start a sequence
 * </pre>
 */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long HIGH_BITS = 0x8080808080808080L;

    private static final long ONES = 0x0101010101010101L;

    private Utf8() {
    }

    /**
     * The offset of the first byte that does not begin a well-formed sequence (the lead byte of a truncated,
     * overlong, surrogate or out-of-range sequence, a stray continuation byte, a NUL), or -1 when all are
     * well formed. It is where {@code CharsetDecoder} with {@code REPORT} stops.
     */
    static int firstInvalid(byte[] bytes) {
        int end = bytes.length;
        int i = 0;
        while (i < end) {
            int c = bytes[i];
            if (c > 0) {
                i++;
                while (i + 8 <= end) {
                    long word = (long) LONGS.get(bytes, i);
                    // a byte of 80 or more sets its top bit in word; a 00 byte sets it in (word - ONES) & ~word
                    if (((word | (word - ONES) & ~word) & HIGH_BITS) != 0) {
                        break;
                    }
                    i += 8;
                }
                continue;
            }
            if (c == 0) {
                return i;
            }
            c &= 0xFF;
            if (c < 0xC2) {
                return i;
            }
            if (c < 0xE0) {
                if (i + 1 >= end || (bytes[i + 1] & 0xC0) != 0x80) {
                    return i;
                }
                i += 2;
            } else if (c < 0xF0) {
                int low = c == 0xE0 ? 0xA0 : 0x80;
                int high = c == 0xED ? 0x9F : 0xBF;
                if (i + 2 >= end) {
                    return i;
                }
                int second = bytes[i + 1] & 0xFF;
                if (second < low || second > high || (bytes[i + 2] & 0xC0) != 0x80) {
                    return i;
                }
                i += 3;
            } else if (c < 0xF5) {
                int low = c == 0xF0 ? 0x90 : 0x80;
                int high = c == 0xF4 ? 0x8F : 0xBF;
                if (i + 3 >= end) {
                    return i;
                }
                int second = bytes[i + 1] & 0xFF;
                if (second < low || second > high || (bytes[i + 2] & 0xC0) != 0x80 || (bytes[i + 3] & 0xC0) != 0x80) {
                    return i;
                }
                i += 4;
            } else {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the first surrogate character without its pair, or -1: a string that is not Unicode text
     * (text decoded leniently from bytes that were not UTF-8). For a string of Latin-1 characters only, the
     * JIT folds the test away.
     */
    static int firstLoneSurrogate(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /**
     * The length of {@code text} in UTF-8, in bytes, counted until it passes {@code limit}: some number above
     * {@code limit} if it does. The text holds no lone surrogate ({@link #firstLoneSurrogate} said so).
     */
    static long encodedLength(String text, int limit) {
        long bytes = 0;
        for (int i = 0, n = text.length(); i < n && bytes <= limit; i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** What is wrong at {@code offset}, for a message that names the offset itself. */
    static String describe(byte[] bytes, int offset) {
        int c = bytes[offset] & 0xFF;
        if (c == 0) {
            return "a NUL byte (JSON text is UTF-8: UTF-16 and UTF-32 bodies are refused)";
        }
        StringBuilder sequence = new StringBuilder();
        for (int i = offset; i < Math.min(bytes.length, offset + 4); i++) {
            sequence.append(i > offset ? " " : "").append(String.format("%02X", bytes[i] & 0xFF));
        }
        return "not UTF-8 (" + sequence + ")";
    }
}
