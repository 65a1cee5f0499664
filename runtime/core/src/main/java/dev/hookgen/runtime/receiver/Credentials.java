package dev.hookgen.runtime.receiver;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One user name and password that CometChat's Basic Auth may present (the webhook's
 * {@code username} and {@code password}). {@link #toString()} never shows the password.
 */
public record Credentials(String username, String password) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty() || username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic Auth user name is not empty and has no ':'");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("empty password for user " + username);
        }
    }

    /**
     * Parses {@code user:password}; the password may itself contain {@code ':'}.
     *
     * @throws IllegalArgumentException naming the problem, never the password
     */
    public static Credentials parse(String pair) {
        int colon = pair.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("credentials must be user:password, and this has no ':'");
        }
        return new Credentials(pair.substring(0, colon), pair.substring(colon + 1));
    }

    /**
     * Parses {@code u1:p1,u2:p2} (the form of {@code HOOKGEN_CREDENTIALS}); blank entries are skipped,
     * so a password cannot contain {@code ','} here.
     */
    public static List<Credentials> parseList(String pairs) {
        List<Credentials> list = new ArrayList<>();
        for (String pair : pairs.split(",")) {
            if (!pair.isBlank()) {
                list.add(parse(pair.strip()));
            }
        }
        return list;
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
