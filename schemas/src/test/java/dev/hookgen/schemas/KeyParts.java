package dev.hookgen.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a trigger's {@code x-hookgen-idempotency-key}, read as the schemas README defines them: a JSON
 * pointer (the value there), {@code keys(<pointer>)} (the keys of the map there) or {@code digest(<pointer>)}
 * (a digest of the JSON there).
 */
record KeyParts(String text, String kind, String pointer) {

    static final String VALUE = "value";
    static final String KEYS = "keys";
    static final String DIGEST = "digest";

    private static final Pattern FUNCTION = Pattern.compile("(keys|digest)\\((/.+)\\)");

    static KeyParts parse(String text) {
        Matcher function = FUNCTION.matcher(text);
        return function.matches() ? new KeyParts(text, function.group(1), function.group(2)) : new KeyParts(text, VALUE, text);
    }

    /** The parts of a trigger schema's key, in order. */
    static List<KeyParts> of(JsonNode triggerSchema) {
        List<KeyParts> parts = new ArrayList<>();
        triggerSchema.path("x-hookgen-idempotency-key").forEach(p -> parts.add(parse(p.asText())));
        return parts;
    }
}
