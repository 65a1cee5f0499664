package dev.hookgen.generator.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hookgen.generator.schema.Catalog;
import dev.hookgen.generator.schema.SchemaFile;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks payloads against their trigger's schema with a draft-07 validator. A payload names its
 * trigger; the catalog says which schema that is.
 */
public final class PayloadValidator {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final SchemaValidator validator = new SchemaValidator();
    private final Map<String, SchemaFile> schemas = new HashMap<>();

    public PayloadValidator(Catalog catalog) {
        catalog.triggers().forEach(t -> schemas.put(t.wireName(), catalog.schemas().file(t.schemaFile())));
    }

    /** The problems of one payload, each {@code "$.json.path: message"}; empty when it is valid. */
    public List<String> validate(byte[] payload) {
        JsonNode json;
        try {
            json = STRICT.readTree(payload);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": ";
            return List.of(where + "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return List.of("cannot read: " + e.getMessage());
        }
        return validate(json);
    }

    public List<String> validate(JsonNode json) {
        if (json == null || !json.isObject()) {
            return List.of("$: a webhook payload must be a JSON object");
        }
        JsonNode trigger = json.get("trigger");
        if (trigger == null || !trigger.isTextual()) {
            return List.of("$.trigger: missing or not a string");
        }
        SchemaFile schema = schemas.get(trigger.asText());
        if (schema == null) {
            return List.of("$.trigger: no schema for trigger \"" + trigger.asText() + "\"");
        }
        return validator.validate(json, schema);
    }
}
