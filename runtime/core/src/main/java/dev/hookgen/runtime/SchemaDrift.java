package dev.hookgen.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One field of a parsed event that did not have the type its schema gives, and was tolerated: the schema does
 * not require the field, so the event is still typed, the field's typed accessor returns null, and the value
 * that came is kept as it was and written back by {@code toJson}. {@link Event#schemaDrift()} lists them.
 *
 * @param path the field's JSON path, such as {@code $.data.message.sentAt} or {@code $.data.members['a.b'].uid}
 * @param expected what the schema gives, as a JSON Schema type: {@code string}, {@code integer}, {@code number},
 *     {@code boolean}, {@code array} or {@code object}; for an item of a typed list or map, the item's type
 * @param value the value that came instead, exactly as it was (for a list or map with an item of another type,
 *     the whole list or map)
 */
public record SchemaDrift(String path, String expected, JsonNode value) {

    public SchemaDrift {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(value, "value");
    }

    /** {@code $.data.message.sentAt: integer expected, found string "1757955951.0003"}. */
    @Override
    public String toString() {
        String found = value.toString();
        return path + ": " + expected + " expected, found " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                + " " + (found.length() > 60 ? found.substring(0, 57) + "..." : found);
    }
}
