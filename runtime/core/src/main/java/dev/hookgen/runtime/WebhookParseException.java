package dev.hookgen.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A body that could not be parsed into an event: the only exception {@link EventReader} throws for a body.
 *
 * <p>The message says what is wrong and where: a JSON path such as {@code $.data.message.sentAt} for a value
 * of the wrong type, or a line and column for broken JSON. It is one line of printable text: control characters
 * and lone surrogates that it quotes from the body are written as {@code \\uXXXX}. When the body was valid JSON
 * but did not fit the
 * typed contract (schema drift), {@link #payload()} holds it, so that a receiver can set it aside instead of
 * losing it.
 */
public final class WebhookParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of body was refused, for code that answers each kind differently. */
    public enum Kind {
        /** Empty, broken, truncated, not UTF-8, duplicate keys, or content after the object. */
        NOT_JSON,
        /** Valid JSON, but an array, a string, a number, a boolean or null. */
        NOT_AN_OBJECT,
        /** Larger, deeper or with longer strings than the {@link ParseLimits} allow. */
        LIMIT_EXCEEDED,
        /** A JSON object that does not fit the typed contract; {@link #payload()} holds it. */
        SCHEMA_DRIFT,
        /** The body could not be read. */
        UNREADABLE
    }

    private final Kind kind;

    private final String problem;

    private final String location;

    private final transient JsonNode payload;

    WebhookParseException(Kind kind, String problem, String location, JsonNode payload, Throwable cause) {
        super(location == null ? printable(problem) : printable(location) + ": " + printable(problem), cause);
        this.kind = kind;
        this.problem = printable(problem);
        this.location = location == null ? null : printable(location);
        this.payload = payload;
    }

    /**
     * The text with its control characters and lone surrogates written as {@code \\uXXXX}: a message quotes
     * names and values from the body (Jackson's messages do too), and must stay one line of printable text in a
     * log or an HTTP answer whatever the body holds.
     */
    private static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) && !paired) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** What kind of body was refused. */
    public Kind kind() {
        return kind;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }

    /** Where: a JSON path ({@code $.data.message.sentAt}) or a line and column ({@code line 3, column 14}). */
    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    /** The body as a JSON tree when it was valid JSON that failed the typed contract; else empty. */
    public Optional<JsonNode> payload() {
        return Optional.ofNullable(payload);
    }

    /** Whether the body was valid JSON that failed the typed contract; {@link #payload()} has it. */
    public boolean isSchemaDrift() {
        return kind == Kind.SCHEMA_DRIFT;
    }
}
