package com.example.hooks;

import javax.annotation.processing.Generated;

/**
 * The bounds a parser puts on a body before it binds anything. Input past a bound is
 * rejected with a {@link WebhookParseException} as soon as the bound is crossed.
 * @param maxDocumentBytes the largest body accepted, in bytes (default 1 MiB)
 * @param maxNestingDepth the deepest nesting of objects and arrays accepted (default 64)
 * @param maxStringLength the longest string value accepted, in characters (default 1 Mi)
 */
@Generated("hookgen")
public record ParseLimits(int maxDocumentBytes, int maxNestingDepth, int maxStringLength) {
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 1_048_576;

    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

    public static final int DEFAULT_MAX_STRING_LENGTH = 1_048_576;

    public ParseLimits {
        if (maxDocumentBytes < 1 || maxDocumentBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxDocumentBytes out of range: " + maxDocumentBytes);
        }
        if (maxNestingDepth < 1 || maxNestingDepth > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxNestingDepth out of range: " + maxNestingDepth);
        }
        if (maxStringLength < 1 || maxStringLength > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxStringLength out of range: " + maxStringLength);
        }
    }

    /**
     * A copy with maxDocumentBytes set.
     */
    public ParseLimits withMaxDocumentBytes(int maxDocumentBytes) {
        return new ParseLimits(maxDocumentBytes, this.maxNestingDepth, this.maxStringLength);
    }

    /**
     * A copy with maxNestingDepth set.
     */
    public ParseLimits withMaxNestingDepth(int maxNestingDepth) {
        return new ParseLimits(this.maxDocumentBytes, maxNestingDepth, this.maxStringLength);
    }

    /**
     * A copy with maxStringLength set.
     */
    public ParseLimits withMaxStringLength(int maxStringLength) {
        return new ParseLimits(this.maxDocumentBytes, this.maxNestingDepth, maxStringLength);
    }

    /**
     * The defaults: generous for any CometChat payload, small enough to refuse abuse.
     */
    public static ParseLimits defaults() {
        return new ParseLimits(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_LENGTH);
    }
}
