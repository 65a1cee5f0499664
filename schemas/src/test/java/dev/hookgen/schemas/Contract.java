package dev.hookgen.schemas;

import com.fasterxml.jackson.core.JsonParser;
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
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Shared access to the contract files for the tests: the folders (relative to the module's basedir, the
 * working directory Surefire runs in), a strict JSON reader and a draft-07 validator that loads schemas by
 * file URI so that relative {@code $ref}s resolve exactly as the generator resolves them.
 */
final class Contract {

    static final Path DEFINITIONS = Path.of("definitions");
    static final Path TRIGGERS = Path.of("triggers");
    static final Path SAMPLES = Path.of("samples");

    static final String SCHEMA_DRAFT_07 = "http://json-schema.org/draft-07/schema#";

    /** Rejects duplicate keys, trailing commas and trailing content. */
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Our annotations carry no validation meaning; declaring them keeps the validator from guessing. */
    private static final List<String> GENERATOR_KEYWORDS = List.of(
            "javaType", "existingJavaType", "x-hookgen-trigger", "x-hookgen-idempotency-key",
            "x-hookgen-idempotency-key-reason", "x-hookgen-idempotency-key-excludes", "x-hookgen-discriminator");

    private static final JsonSchemaFactory FACTORY;
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build();

    static {
        JsonMetaSchema.Builder meta = JsonMetaSchema.builder(JsonMetaSchema.getV7());
        GENERATOR_KEYWORDS.forEach(k -> meta.keyword(new NonValidationKeyword(k)));
        JsonMetaSchema v7 = meta.build();
        FACTORY = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
                .metaSchema(v7)
                .build();
    }

    private static final Map<Path, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private Contract() {
    }

    /** The compiled schema of a file, e.g. {@code triggers/message_sent.json}. */
    static JsonSchema schema(Path file) {
        return SCHEMAS.computeIfAbsent(file.toAbsolutePath().normalize(),
                f -> FACTORY.getSchema(SchemaLocation.of(f.toUri().toString()), CONFIG));
    }

    static JsonSchema triggerSchema(String wireName) {
        return schema(TRIGGERS.resolve(wireName + ".json"));
    }

    static Set<ValidationMessage> validate(Path schemaFile, JsonNode instance) {
        return schema(schemaFile).validate(instance);
    }

    static JsonNode read(Path file) {
        try {
            return STRICT.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The {@code .json} file names of a folder, sorted. */
    static List<String> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code message_delivery_receipt} becomes {@code MessageDeliveryReceipt}. */
    static String pascal(String wireName) {
        StringBuilder b = new StringBuilder();
        for (String part : wireName.split("_")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    /** One line per message, for assertion failures. */
    static String describe(Set<ValidationMessage> errors) {
        return errors.stream().map(ValidationMessage::toString).sorted().collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
