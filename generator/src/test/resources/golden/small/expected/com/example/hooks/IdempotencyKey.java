package com.example.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.annotation.processing.Generated;

/**
 * Builds idempotency keys: the parts joined by {@code ':'}, each part's own {@code '%'} and
 * {@code ':'} percent-encoded, so that two different lists of parts never give the same key.
 * A missing part is empty.
 */
@Generated("hookgen")
final class IdempotencyKey {
    private IdempotencyKey() {
    }

    static String of(Object... parts) {
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

    /**
     * SHA-256 of the JSON text, in hex.
     */
    static String digest(JsonNode json) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
