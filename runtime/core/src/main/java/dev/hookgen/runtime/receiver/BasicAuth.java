package dev.hookgen.runtime.receiver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Checks an {@code Authorization: Basic ...} header against one or more accepted credential pairs
 * (several, so that a password can be rotated: accept old and new, switch CometChat over, drop
 * the old one).
 *
 * <p>The comparison takes the same time whatever the header holds: the presented user name and
 * password are hashed with SHA-256 and compared with {@link MessageDigest#isEqual} against every
 * accepted pair, without stopping at the first match, so neither a matching prefix nor a length
 * nor the position of the matching pair shows in the timing. Only the hashes are kept in memory.
 */
final class BasicAuth {

    /** The challenge sent with every 401. */
    static final String CHALLENGE = "Basic realm=\"cometchat-webhooks\", charset=\"UTF-8\"";

    private final byte[][] usernames;

    private final byte[][] passwords;

    BasicAuth(List<Credentials> accepted) {
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("at least one user name and password are needed");
        }
        usernames = new byte[accepted.size()][];
        passwords = new byte[accepted.size()][];
        for (int i = 0; i < accepted.size(); i++) {
            usernames[i] = sha256(accepted.get(i).username());
            passwords[i] = sha256(accepted.get(i).password());
        }
    }

    /** Whether the header carries one of the accepted pairs; false for a missing or malformed header. */
    boolean accepts(String authorization) {
        String presented = decode(authorization);
        // a malformed header is still compared, against a value no pair can have, to keep the time flat
        int colon = presented == null ? -1 : presented.indexOf(':');
        byte[] user = sha256(colon < 0 ? "" : presented.substring(0, colon));
        byte[] password = sha256(colon < 0 ? "" : presented.substring(colon + 1));
        boolean match = false;
        for (int i = 0; i < usernames.length; i++) {
            boolean pair = MessageDigest.isEqual(user, usernames[i]) & MessageDigest.isEqual(password, passwords[i]);
            match |= pair;
        }
        return match && colon > 0;
    }

    /** The {@code user:password} text of a Basic header, or null. */
    private static String decode(String authorization) {
        if (authorization == null) {
            return null;
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Basic")) {
            return null;
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(header.substring(space + 1).strip());
            return new String(decoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
