package dev.hookgen.runtime;

/**
 * The bounds a parser puts on a body before it binds anything. Input past a bound is rejected with a
 * {@link WebhookParseException} of kind {@link WebhookParseException.Kind#LIMIT_EXCEEDED} as soon as the
 * bound is crossed.
 *
 * @param maxDocumentBytes the largest body accepted, in bytes (default 1 MiB)
 * @param maxNestingDepth the deepest nesting of objects and arrays accepted (default 64)
 * @param maxStringLength the longest string value accepted, in characters (default 1 Mi)
 */
public record ParseLimits(int maxDocumentBytes, int maxNestingDepth, int maxStringLength) {

    /** 1 MiB. */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 1_048_576;

    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

    /** 1 Mi characters. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 1_048_576;

    /** @throws IllegalArgumentException if a bound is below 1 or above {@code Integer.MAX_VALUE - 8} */
    public ParseLimits {
        check("maxDocumentBytes", maxDocumentBytes);
        check("maxNestingDepth", maxNestingDepth);
        check("maxStringLength", maxStringLength);
    }

    /** The defaults: generous for any CometChat payload, small enough to refuse abuse. */
    public static ParseLimits defaults() {
        return new ParseLimits(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_LENGTH);
    }

    /** A copy with {@code maxDocumentBytes} set, in bytes. */
    public ParseLimits withMaxDocumentBytes(int maxDocumentBytes) {
        return new ParseLimits(maxDocumentBytes, maxNestingDepth, maxStringLength);
    }

    /** A copy with {@code maxNestingDepth} set. */
    public ParseLimits withMaxNestingDepth(int maxNestingDepth) {
        return new ParseLimits(maxDocumentBytes, maxNestingDepth, maxStringLength);
    }

    /** A copy with {@code maxStringLength} set, in characters. */
    public ParseLimits withMaxStringLength(int maxStringLength) {
        return new ParseLimits(maxDocumentBytes, maxNestingDepth, maxStringLength);
    }

    private static void check(String name, int value) {
        if (value < 1 || value > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + " out of range: " + value);
        }
    }
}
