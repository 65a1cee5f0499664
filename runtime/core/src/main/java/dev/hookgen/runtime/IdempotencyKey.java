package dev.hookgen.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Builds idempotency keys: one string per occurrence of an event, the same for every delivery of it, and
 * at most {@value #MAX_LENGTH} characters whatever the values. Generated event classes call
 * {@link #forEvent} with the values their schema's {@code x-hookgen-idempotency-key} names.
 *
 * <p>A key is its parts joined by {@code ':'}. A part is written as text ({@link String#valueOf}) with
 * {@code '%'}, {@code ':'} and {@code '~'} percent-encoded ({@code %25}, {@code %3A}, {@code %7E}), and so are
 * the C0 controls and DEL ({@code "\n"} is {@code %0A}, NUL {@code %00}) and each lone surrogate, as the three
 * bytes WTF-8 gives it ({@code "\uD83D"} is {@code %ED%A0%BD}): a key is printable text that a log line, an
 * HTTP header and a PostgreSQL {@code text} column all take as it is. A part whose
 * encoded text is longer than {@value #MAX_PART_LENGTH} characters is written instead as {@code '~'} followed by
 * the base64url SHA-256 of its text (44 characters). If the joined key is still longer than
 * {@value #MAX_LENGTH} characters, the key is {@code "~~"} followed by the base64url SHA-256 of the joined key
 * (45 characters). An encoded part never holds a raw {@code '~'}, and base64url has no {@code '~'} or
 * {@code ':'}, so a literal part, a hashed part and a hashed key can never be taken for one another: two
 * different lists of parts never give the same key (short of a SHA-256 collision).
 *
 * <p>Text is hashed as UTF-8; a lone surrogate, which UTF-8 cannot encode (JavaScript clients send them),
 * is encoded on its own in three bytes, as WTF-8 does, so that every Java string has its own digest.
 */
public final class IdempotencyKey {

    /** The longest key {@link #of} returns, in characters. */
    public static final int MAX_LENGTH = 200;

    /** The longest part written as itself (percent-encoded), in characters; longer parts are hashed. */
    public static final int MAX_PART_LENGTH = 64;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private IdempotencyKey() {
    }

    /**
     * The key made of {@code parts}, each written as {@link String#valueOf} writes it.
     *
     * @throws NullPointerException if a part is null: every part of a key is a required field, and a key with
     *         a part left out could be another occurrence's
     */
    public static String of(Object... parts) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                throw new NullPointerException("key part " + (i + 1) + " of " + parts.length + " is missing");
            }
            if (i > 0) {
                key.append(':');
            }
            key.append(part(String.valueOf(parts[i])));
        }
        return key.length() <= MAX_LENGTH ? key.toString() : "~~" + sha256Base64url(key);
    }

    /**
     * The key of {@code event} made of {@code parts}, as {@link #of} builds it. If a part is null (a payload
     * without a field its schema requires, or an event built by hand), no part list can identify the event,
     * so the key is the one an event without a schema gets: the app, the webhook, the trigger and the {@link #digest}
     * of the whole event. A repeated delivery still has the same key, and no other occurrence shares it.
     */
    public static String forEvent(Event event, Object... parts) {
        Objects.requireNonNull(event, "event");
        for (Object part : parts) {
            if (part == null) {
                return of(Objects.toString(event.getAppId(), ""), Objects.toString(event.getWebhook(), ""),
                        Objects.toString(event.getTrigger(), ""), digest(event));
            }
        }
        return of(parts);
    }

    /**
     * The keys of a map keyed by id (members, users, mentions by uid), as one part: sorted by UTF-16 code unit,
     * each with {@code '%'} and {@code ','} percent-encoded, joined by {@code ','}; an empty key is written
     * {@code '%'}, which no encoded key can be, so that {@code {}} and {@code {"": ...}} differ. Null for a null map.
     */
    public static String keys(Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        List<String> keys = new ArrayList<>(map.keySet());
        keys.sort(null);
        StringJoiner out = new StringJoiner(",");
        for (String key : keys) {
            out.add(key.isEmpty() ? "%" : key.replace("%", "%25").replace(",", "%2C"));
        }
        return out.toString();
    }

    /**
     * The base64url SHA-256 (43 characters) of the canonical JSON of {@code value}: a tree, a model object (a
     * generated event's {@code data}, written as the JSON it was parsed from), a map, a list or a scalar, with
     * object keys sorted, no white space, non-ASCII characters escaped and numbers as they came. The same
     * value in any key order or indentation has the same digest. Null for null.
     *
     * @throws IllegalArgumentException if Jackson cannot write {@code value}
     */
    public static String digest(Object value) {
        return value == null ? null : sha256Base64url(CanonicalJson.write(value));
    }

    /** The SHA-256 (32 bytes) of {@code text} as UTF-8, lone surrogates encoded as WTF-8 does. */
    public static byte[] sha256(CharSequence text) {
        return sha256().digest(wtf8(text));
    }

    private static String part(String text) {
        StringBuilder encoded = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == ':' || c == '~' || c < 0x20 || c == 0x7F) {
                percentEncode(c, encoded);
            } else if (!Character.isSurrogate(c)) {
                encoded.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                encoded.append(c).append(text.charAt(++i));
            } else {
                percentEncode(0xE0 | c >> 12, encoded);
                percentEncode(0x80 | c >> 6 & 0x3F, encoded);
                percentEncode(0x80 | c & 0x3F, encoded);
            }
            if (encoded.length() > MAX_PART_LENGTH) {
                return "~" + sha256Base64url(text);
            }
        }
        return encoded.toString();
    }

    private static void percentEncode(int octet, StringBuilder out) {
        out.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0xF]);
    }

    private static String sha256Base64url(CharSequence text) {
        return BASE64URL.encodeToString(sha256(text));
    }

    /** UTF-8, except that a surrogate without its pair is written as a three-byte sequence of its own. */
    private static byte[] wtf8(CharSequence text) {
        String string = text.toString();
        boolean surrogates = false;
        for (int i = 0; i < string.length() && !surrogates; i++) {
            surrogates = Character.isSurrogate(string.charAt(i));
        }
        if (!surrogates) {
            return string.getBytes(StandardCharsets.UTF_8);
        }
        byte[] out = new byte[string.length() * 3];
        int n = 0;
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            int codePoint = c;
            if (Character.isHighSurrogate(c) && i + 1 < string.length() && Character.isLowSurrogate(string.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, string.charAt(++i));
            }
            if (codePoint < 0x80) {
                out[n++] = (byte) codePoint;
            } else if (codePoint < 0x800) {
                out[n++] = (byte) (0xC0 | codePoint >> 6);
                out[n++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (codePoint < 0x10000) {
                out[n++] = (byte) (0xE0 | codePoint >> 12);
                out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                out[n++] = (byte) (0xF0 | codePoint >> 18);
                out[n++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | codePoint & 0x3F);
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
