package dev.hookgen.cometchat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fields of a payload as its JSON Schema describes them, read from the schemas themselves (not from the
 * generated classes): for each property of each object in the payload, whether the schema requires it and which
 * type it gives. It follows {@code $ref}s, picks the variant of an {@code x-hookgen-discriminator} union by its
 * {@code const}, walks maps ({@code additionalProperties}) and arrays ({@code items}), and counts as required what
 * the trigger schema's root {@code allOf} requires.
 */
final class SchemaFields {

    /**
     * One property of one object of the payload.
     *
     * @param path the JSON path the parser names it by ({@code $.data.message.sentAt})
     * @param pointer where it is in the payload
     * @param required whether the object's schema lists it in {@code required}
     * @param type the schema's {@code type} for it, or null when the schema leaves it open or allows several
     * @param discriminator whether it tells a union's variants apart (its value must be a string)
     */
    record Field(String path, JsonPointer pointer, boolean required, String type, boolean discriminator) {
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$@][A-Za-z0-9_$@-]*");

    private final Path directory;

    private final Map<Path, JsonNode> files = new HashMap<>();

    SchemaFields(Path directory) {
        this.directory = directory;
    }

    static SchemaFields fromSystemProperty() {
        return new SchemaFields(Path.of(System.getProperty("hookgen.schemas", "../schemas")));
    }

    /** Every schema property present in {@code payload}, the trigger's schema read from {@code triggers/<trigger>.json}. */
    List<Field> of(String trigger, JsonNode payload) {
        Path file = directory.resolve("triggers").resolve(trigger + ".json").normalize();
        List<JsonPointer> alsoRequired = new ArrayList<>();
        load(file).path("allOf").forEach(part -> requiredIn(part, JsonPointer.empty(), alsoRequired));
        List<Field> fields = new ArrayList<>();
        walk(new Schema(file, load(file)), payload, "$", JsonPointer.empty(), fields);
        return fields.stream().map(f -> alsoRequired.contains(f.pointer())
                ? new Field(f.path(), f.pointer(), true, f.type(), f.discriminator()) : f).toList();
    }

    /** The pointers a plain validation schema ({@code required} under {@code properties}) requires. */
    private static void requiredIn(JsonNode schema, JsonPointer at, List<JsonPointer> out) {
        schema.path("required").forEach(name -> out.add(at.appendProperty(name.asText())));
        schema.path("properties").properties().forEach(p -> requiredIn(p.getValue(), at.appendProperty(p.getKey()), out));
    }

    private record Schema(Path file, JsonNode node) {
    }

    private void walk(Schema schema, JsonNode value, String path, JsonPointer pointer, List<Field> out) {
        schema = resolve(schema);
        JsonNode discriminator = schema.node().path("x-hookgen-discriminator").path("propertyName");
        if (schema.node().has("oneOf")) {
            schema = variant(schema, value, discriminator.asText());
        }
        if (value.isObject()) {
            JsonNode properties = schema.node().path("properties");
            JsonNode additional = schema.node().path("additionalProperties");
            List<String> required = new ArrayList<>();
            schema.node().path("required").forEach(name -> required.add(name.asText()));
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                String childPath = path + step(field.getKey());
                JsonPointer childPointer = pointer.appendProperty(field.getKey());
                if (properties.has(field.getKey())) {
                    Schema child = resolve(new Schema(schema.file(), properties.get(field.getKey())));
                    out.add(new Field(childPath, childPointer, required.contains(field.getKey()), typeOf(child),
                            field.getKey().equals(discriminator.asText(null))));
                    walk(child, field.getValue(), childPath, childPointer, out);
                } else if (additional.isObject()) {
                    walk(new Schema(schema.file(), additional), field.getValue(), childPath, childPointer, out);
                }
            }
        } else if (value.isArray() && schema.node().has("items")) {
            for (int i = 0; i < value.size(); i++) {
                walk(new Schema(schema.file(), schema.node().get("items")), value.get(i), path + "[" + i + "]",
                        pointer.appendIndex(i), out);
            }
        }
    }

    /** The union's variant whose discriminator {@code const} is the value's, else the one without a {@code const}. */
    private Schema variant(Schema union, JsonNode value, String discriminator) {
        Schema fallback = null;
        for (JsonNode option : union.node().get("oneOf")) {
            Schema variant = resolve(new Schema(union.file(), option));
            JsonNode constant = variant.node().path("properties").path(discriminator).path("const");
            if (constant.isMissingNode()) {
                fallback = variant;
            } else if (constant.asText().equals(value.path(discriminator).asText(null))) {
                return variant;
            }
        }
        return fallback;
    }

    /** Follows {@code $ref}s: a file relative to the current one, and a fragment within it. */
    private Schema resolve(Schema schema) {
        while (schema.node().has("$ref")) {
            String ref = schema.node().get("$ref").asText();
            int hash = ref.indexOf('#');
            Path file = hash == 0 ? schema.file() : schema.file().resolveSibling(hash < 0 ? ref : ref.substring(0, hash)).normalize();
            JsonNode node = load(file);
            if (hash >= 0) {
                node = node.at(ref.substring(hash + 1));
            }
            schema = new Schema(file, node);
        }
        return schema;
    }

    private static String typeOf(Schema schema) {
        JsonNode type = schema.node().get("type");
        if (type != null) {
            return type.isTextual() ? type.asText() : null; // several types: the field takes any of them
        }
        return schema.node().has("oneOf") || schema.node().has("properties") ? "object" : null;
    }

    private JsonNode load(Path file) {
        return files.computeIfAbsent(file, f -> {
            try {
                return Samples.PLAIN.readTree(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String step(String name) {
        return IDENTIFIER.matcher(name).matches() ? "." + name
                : "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }
}
