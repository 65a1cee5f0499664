package dev.hookgen.runtime.receiver;

/**
 * Writes values that come from a request (a trigger, a path, a method token, an error message) into
 * one {@code key=value} log line (the logfmt convention) so that no value can start a new line, forge
 * another field or flood the log: CWE-117, improper output neutralization for logs.
 *
 * <p>The rules, applied to every value:
 * <ul>
 * <li>printable ASCII other than space, {@code "}, {@code =} and {@code \} is written as it is;</li>
 * <li>every other character, control characters (CR, LF, ESC, NUL...), DEL and all of non-ASCII
 *     (so also bidirectional overrides and line separators), is written as {@code \}{@code uXXXX},
 *     a UTF-16 code unit in four hex digits, as in JSON; {@code \} is written as {@code \\};</li>
 * <li>a value with a space, {@code "} or {@code =}, an empty value, and a cut value are written
 *     between double quotes, with {@code "} written as {@code \"};</li>
 * <li>a value longer than {@code maxChars} UTF-16 code units is cut there and ends with
 *     {@code ...(N chars)}, N being its full length.</li>
 * </ul>
 * So a value never holds a raw control character, never ends its field early, and takes at most
 * {@code 6 * maxChars + 24} characters. {@code null} is written as {@code -}.
 *
 * <p>Every hookgen log line that carries such a value uses this rule: the receiver's request log
 * ({@link WebhookReceiver.Response#logFields()}), the Spring Boot starter's, and the PostgreSQL inbox's workers. An
 * application's handler that logs what an event holds (an id, a name, a text) should write it the same way:
 * {@code log.info("message id={}", Logfmt.value(message.getId(), 64))}.
 */
public final class Logfmt {

    /** How much of a trigger a log line shows, in UTF-16 code units; CometChat's are far shorter. */
    public static final int MAX_TRIGGER_CHARS = 64;

    /** How much of a JSON path (of a schema mismatch, of tolerated drift) a log line shows. */
    public static final int MAX_PATH_CHARS = 200;

    /** How much of an error message a log line shows. */
    public static final int MAX_ERROR_CHARS = 300;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Logfmt() {
    }

    /**
     * The value as it may appear after {@code key=} in a log line.
     *
     * @param value the untrusted text, or null
     * @param maxChars how many UTF-16 code units of it are kept, at least 1
     * @throws IllegalArgumentException if {@code maxChars} is below 1
     */
    public static String value(CharSequence value, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, not " + maxChars);
        }
        if (value == null) {
            return "-";
        }
        int length = value.length();
        boolean cut = length > maxChars;
        int kept = cut ? maxChars : length;
        boolean quote = cut || length == 0;
        StringBuilder out = new StringBuilder(kept + 2);
        for (int i = 0; i < kept; i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '=') {
                quote = true;
                out.append(c);
            } else if (c == '"') {
                quote = true;
                out.append("\\\"");
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (c > ' ' && c < 0x7f) {
                out.append(c);
            } else {
                out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
            }
        }
        if (cut) {
            out.append("...(").append(length).append(" chars)");
        }
        return quote ? "\"" + out + "\"" : out.toString();
    }
}
