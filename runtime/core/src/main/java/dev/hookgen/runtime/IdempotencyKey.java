package dev.hookgen.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Builds idempotency keys: the parts joined by {@code ':'}, each part's own {@code '%'} and {@code ':'}
 * percent-encoded, so that two different lists of parts never give the same key. A missing part is empty.
 * Generated event classes call {@link #of} with the values their schema names.
 */
public final class IdempotencyKey {

    private IdempotencyKey() {
    }

    /** The parts, each as {@link String#valueOf} writes it, joined. */
    public static String of(Object... parts) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                key.append(':');
            }
            if (parts[i] != null) {
                key.append(String.valueOf(parts[i]).replace("%", "%25").replace(":", "%3A"));
            }
        }
        return key.toString();
    }

    /** The SHA-256 of the JSON text, in hex: 64 characters. */
    public static String digest(JsonNode json) {
        return HexFormat.of().formatHex(sha256().digest(json.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
