package dev.hookgen.generator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import dev.hookgen.generator.schema.SchemaFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against one schema file of a schema directory (a definition such as
 * {@code definitions/user.json}), with the same draft-07 rules as {@link PayloadValidator}.
 * Schemas are loaded by file URI so that relative {@code $ref}s resolve as they do for the generator.
 */
public final class DefinitionValidator {

    private final JsonSchemaFactory factory = PayloadValidator.draft07();
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build();
    private final Map<String, JsonSchema> compiled = new HashMap<>();

    /** The problems of {@code value} against {@code schema}, each {@code "$.json.path: message"}; empty when it is valid. */
    public List<String> validate(JsonNode value, SchemaFile schema) {
        JsonSchema compiledSchema = compiled.computeIfAbsent(schema.name(),
                name -> factory.getSchema(SchemaLocation.of(schema.uri().toString()), config));
        return compiledSchema.validate(value).stream()
                .map(m -> m.getInstanceLocation() + ": " + m.getMessage().replaceFirst("^\\$[^:]*: ", ""))
                .sorted()
                .toList();
    }
}
