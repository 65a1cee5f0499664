package dev.hookgen.generator.schema;

import java.util.List;
import java.util.Locale;

/**
 * One part of an idempotency key, as {@code x-hookgen-idempotency-key} writes it:
 * <ul>
 *   <li>{@code /data/message/id}, a JSON pointer: the value there, a string, integer, number or boolean;</li>
 *   <li>{@code keys(/data/members)}: the keys of the map there (uids), sorted, which no pointer can name;</li>
 *   <li>{@code digest(/data)}: the SHA-256 of the canonical JSON there, for payloads with no set of fields
 *       that tells one occurrence from another.</li>
 * </ul>
 * The runtime's {@code IdempotencyKey} writes each kind ({@code of}, {@code keys}, {@code digest}).
 *
 * @param kind what is taken at the pointer
 * @param text the part as written in the schema ({@code keys(/data/members)})
 * @param pointer the JSON pointer inside it ({@code /data/members})
 * @param properties the property names along the pointer ({@code data, members})
 */
public record KeyPart(Kind kind, String text, String pointer, List<String> properties) {

    /** What a part takes from the value at its pointer. */
    public enum Kind {
        /** The value itself. */
        VALUE,
        /** The keys of a map, sorted. */
        KEYS,
        /** The digest of the canonical JSON. */
        DIGEST;

        /** The name the schema writes before the parenthesis ({@code keys}); empty for a plain pointer. */
        public String function() {
            return this == VALUE ? "" : name().toLowerCase(Locale.ROOT);
        }
    }

    public KeyPart {
        properties = List.copyOf(properties);
    }

    /** How a part of {@code kind} at {@code pointer} is written in a schema. */
    public static String text(Kind kind, String pointer) {
        return kind == Kind.VALUE ? pointer : kind.function() + "(" + pointer + ")";
    }
}
