package dev.hookgen.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One text per JSON value: object keys sorted (by UTF-16 code unit, as RFC 8785 sorts them), no white space,
 * every character outside ASCII written as a JSON unicode escape (a lone surrogate too), numbers written as they
 * came ({@code 0.50} stays {@code 0.50}). The same value in any key order or indentation gives the same text;
 * two different values give different texts.
 *
 * <p>Model objects (a generated event's {@code data}) are first turned into a tree by Jackson, with the
 * annotations they carry, so that their text is that of the JSON they were parsed from: what comes in
 * as {@code {"b":1,"a":2}} and as {@code {"a": 2, "b": 1}} is {@code {"a":2,"b":1}} either way.
 */
final class CanonicalJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private CanonicalJson() {
    }

    /**
     * The canonical text of a tree, a model object, a map, a list or a scalar.
     *
     * @throws IllegalArgumentException if Jackson cannot write {@code value}
     */
    static String write(Object value) {
        JsonNode tree = value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
        StringWriter text = new StringWriter();
        try (JsonGenerator json = MAPPER.createGenerator(text)) {
            write(tree, json);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    private static void write(JsonNode node, JsonGenerator json) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            json.writeStartObject();
            for (String name : names) {
                json.writeFieldName(name);
                write(node.get(name), json);
            }
            json.writeEndObject();
        } else if (node.isArray()) {
            json.writeStartArray();
            for (JsonNode item : node) {
                write(item, json);
            }
            json.writeEndArray();
        } else {
            json.writeTree(node);
        }
    }
}
