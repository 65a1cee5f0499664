package dev.hookgen.inbox.postgresql;

/**
 * Every string the inbox writes to a {@code text} column ({@code idempotency_key}, {@code trigger}, {@code last_error})
 * or compares with one, made storable, and read back as it was.
 *
 * <p>PostgreSQL's {@code text} holds neither NUL nor a lone UTF-16 surrogate, and both come in webhooks: JSON may
 * escape any character ({@code "\u0000"}), and JavaScript clients that cut a string mid-emoji send lone surrogates
 * ({@code "\ud83d"}). The server refuses a NUL ({@code invalid byte sequence for encoding "UTF8": 0x00}): the insert of
 * the delivery, or the update of a row whose handler failed with such a message, would fail on every retry. The JDBC
 * driver silently writes a lone surrogate as {@code ?}: two idempotency keys that differ only there would become one,
 * and the second event would be taken for a duplicate of the first and lost.
 *
 * <p>The rule, as JSON writes such characters: {@code \} is written {@code \\}, NUL and each lone surrogate
 * {@code \}{@code uXXXX} (four lower-case hex digits); every other character, surrogate pairs included, as it is. It is
 * reversible ({@link #decode}) and one-to-one, so distinct keys stay distinct, and a value without {@code \}, NUL or a
 * lone surrogate (every trigger CometChat sends, every key {@code IdempotencyKey} builds) is stored unchanged. To read a
 * column in SQL as the application sees it, undo the escapes the same way.
 */
final class PostgresText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PostgresText() {
    }

    /** The value to store; null stays null. */
    static String encode(String value) {
        if (value == null || isPlain(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == 0 || isLoneSurrogate(value, i)) {
                out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The value as it was before {@link #encode}; null stays null. A {@code \} that starts no escape of the rule (in a
     * row written before it) is kept as it is.
     */
    static String decode(String stored) {
        if (stored == null || stored.indexOf('\\') < 0) {
            return stored;
        }
        StringBuilder out = new StringBuilder(stored.length());
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c == '\\' && i + 1 < stored.length() && stored.charAt(i + 1) == '\\') {
                out.append('\\');
                i++;
            } else if (c == '\\' && i + 1 < stored.length() && stored.charAt(i + 1) == 'u' && isHex(stored, i + 2, i + 6)) {
                out.append((char) Integer.parseInt(stored, i + 2, i + 6, 16));
                i += 5;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The first {@code maxChars} characters of {@code value}, one fewer when the cut would split a surrogate pair (a
     * cut pair would leave a lone surrogate behind); null stays null.
     */
    static String truncate(String value, int maxChars) {
        if (value == null || value.length() <= maxChars) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(maxChars - 1)) && Character.isLowSurrogate(value.charAt(maxChars)) ? maxChars - 1 : maxChars;
        return value.substring(0, end);
    }

    private static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == 0 || Character.isSurrogate(c) && isLoneSurrogate(value, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLoneSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
    }

    private static boolean isHex(String text, int from, int to) {
        if (to > text.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
