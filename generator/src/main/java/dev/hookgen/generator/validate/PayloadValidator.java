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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private final SchemaValidator validator = new SchemaValidator();
    private final Map<String, SchemaFile> schemas = new HashMap<>();

    public PayloadValidator(Catalog catalog) {
        catalog.triggers().forEach(t -> schemas.put(t.wireName(), catalog.schemas().file(t.schemaFile())));
    }

    /** The problems of one payload file; none when it is valid. */
    public record FileResult(Path file, List<String> problems) {
        public FileResult {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Validates each file, in the order given; a directory stands for the {@code .json} files in it,
     * sorted. A file that cannot be read is invalid, with one problem saying why.
     */
    public List<FileResult> validateFiles(List<Path> paths) {
        List<FileResult> results = new ArrayList<>();
        for (Path path : paths) {
            List<Path> files = List.of(path);
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
                } catch (IOException e) {
                    results.add(new FileResult(path, List.of("cannot read: " + e.getMessage())));
                    continue;
                }
            }
            for (Path file : files) {
                List<String> problems;
                try {
                    problems = validate(Files.readAllBytes(file));
                } catch (IOException e) {
                    problems = List.of("cannot read: " + e.getMessage());
                }
                results.add(new FileResult(file, problems));
            }
        }
        return results;
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
