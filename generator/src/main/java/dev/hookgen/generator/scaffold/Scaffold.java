package dev.hookgen.generator.scaffold;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.schema.SchemaSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One scaffold, as the CLI's {@code scaffold} and {@code hookgen:scaffold} run it: a sample payload in, a
 * draft schema of its trigger and a copy of the sample out. The draft is made against every schema the
 * configuration reads (in a project of its own: CometChat's published schemas and the project's folder, put
 * together), so that it reuses the shared definitions by {@code $ref}; it is written to a folder of one's own,
 * where the refs resolve once the sources are put together again.
 */
public final class Scaffold {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * What a scaffold wrote.
     *
     * @param draft the draft, with the notes a person should review
     * @param schemaFile the draft's file ({@code <into>/triggers/<trigger>.json})
     * @param sampleFile the sample's copy ({@code <into>/samples/<trigger>.json})
     * @param selected whether the configuration's trigger selection generates the new trigger
     */
    public record Result(Draft draft, Path schemaFile, Path sampleFile, boolean selected) {}

    private Scaffold() {}

    /**
     * Drafts the schema of {@code wireName} from {@code sample}, checks it, and writes it and the sample into {@code into}.
     *
     * @param config the schemas the draft is made against and checked with, and the packages of its classes
     * @param into the folder to write to (created when missing); {@code config}'s schema directory, or a source of it
     * @throws IllegalArgumentException when {@code wireName} is not lower_snake_case
     * @throws ScaffoldException when the sample cannot be read or is not a payload of a new trigger, or the draft
     *     fails a check; nothing is written then
     */
    public static Result run(GeneratorConfig config, Path into, String wireName, Path sample) {
        if (!SchemaScaffolder.isWireName(wireName)) {
            throw new IllegalArgumentException("the trigger name must be lower_snake_case, like message_pinned: " + wireName);
        }
        byte[] bytes;
        JsonNode json;
        try {
            bytes = Files.readAllBytes(sample);
            json = STRICT.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ScaffoldException(sample + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScaffoldException(sample + ": cannot read: " + e.getMessage());
        }
        SchemaSet schemas = SchemaSet.read(config.schemaDirectory()).placedIn(config.apiPackage(), config.modelPackage());
        Draft draft = SchemaScaffolder.scaffold(json, wireName, schemas, config.apiPackage(), config.modelPackage());
        DraftInstaller.Result written = DraftInstaller.install(config, into, draft, bytes);
        return new Result(draft, into.resolve(written.schemaFile()), into.resolve(written.sampleFile()),
                config.triggers().selects(wireName));
    }
}
