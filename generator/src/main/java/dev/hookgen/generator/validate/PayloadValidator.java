package dev.hookgen.generator.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.hookgen.generator.schema.Annotations;
import dev.hookgen.generator.schema.Catalog;
import dev.hookgen.generator.schema.TriggerSpec;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks payloads against their trigger's schema with a draft-07 validator. A payload names its
 * trigger; the catalog says which schema that is.
 */
public final class PayloadValidator {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build();
    private final Map<String, TriggerSpec> triggers = new HashMap<>();
    private final Map<String, JsonSchema> compiled = new HashMap<>();
    private final Catalog catalog;

    public PayloadValidator(Catalog catalog) {
        this.catalog = catalog;
        catalog.triggers().forEach(t -> triggers.put(t.wireName(), t));
        this.factory = draft07();
    }

    /** A draft-07 schema factory that knows hookgen's own keywords as annotations. */
    static JsonSchemaFactory draft07() {
        JsonMetaSchema.Builder meta = JsonMetaSchema.builder(JsonMetaSchema.getV7());
        Stream.of(Annotations.JAVA_TYPE, Annotations.EXISTING_JAVA_TYPE, Annotations.TRIGGER,
                        Annotations.IDEMPOTENCY_KEY, Annotations.DISCRIMINATOR)
                .forEach(keyword -> meta.keyword(new NonValidationKeyword(keyword)));
        return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
                .metaSchema(meta.build())
                .build();
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
        TriggerSpec spec = triggers.get(trigger.asText());
        if (spec == null) {
            return List.of("$.trigger: no schema for trigger \"" + trigger.asText() + "\"");
        }
        return schemaOf(spec).validate(json).stream()
                .map(m -> m.getInstanceLocation() + ": " + m.getMessage().replaceFirst("^\\$[^:]*: ", ""))
                .sorted()
                .toList();
    }

    private JsonSchema schemaOf(TriggerSpec spec) {
        return compiled.computeIfAbsent(spec.wireName(), name -> factory.getSchema(
                SchemaLocation.of(catalog.schemas().directory().resolve(spec.schemaFile()).toUri().toString()), config));
    }
}
