package dev.hookgen.generator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.hookgen.generator.schema.Annotations;
import dev.hookgen.generator.schema.SchemaFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks a JSON value against one schema file of a schema directory (a trigger, or a definition
 * such as {@code definitions/user.json}) with a draft-07 validator that knows hookgen's own keywords
 * as annotations. Schemas are loaded by file URI so that relative {@code $ref}s resolve as they do
 * for the generator, and compiled once per file.
 */
public final class SchemaValidator {

    private final JsonSchemaFactory factory = draft07();
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build();
    private final Map<String, JsonSchema> compiled = new HashMap<>();

    /** The problems of {@code value} against {@code schema}, each {@code "$.json.path: message"}, sorted; empty when it is valid. */
    public List<String> validate(JsonNode value, SchemaFile schema) {
        JsonSchema compiledSchema = compiled.computeIfAbsent(schema.name(),
                name -> factory.getSchema(SchemaLocation.of(schema.uri().toString()), config));
        return compiledSchema.validate(value).stream()
                .map(m -> m.getInstanceLocation() + ": " + m.getMessage().replaceFirst("^\\$[^:]*: ", ""))
                .sorted()
                .toList();
    }

    private static JsonSchemaFactory draft07() {
        JsonMetaSchema.Builder meta = JsonMetaSchema.builder(JsonMetaSchema.getV7());
        Stream.of(Annotations.JAVA_TYPE, Annotations.EXISTING_JAVA_TYPE, Annotations.TRIGGER,
                        Annotations.IDEMPOTENCY_KEY, Annotations.IDEMPOTENCY_KEY_REASON, Annotations.IDEMPOTENCY_KEY_EXCLUDES,
                        Annotations.DISCRIMINATOR)
                .forEach(keyword -> meta.keyword(new NonValidationKeyword(keyword)));
        return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
                .metaSchema(meta.build())
                .build();
    }
}
