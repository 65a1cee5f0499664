package dev.hookgen.generator.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.scaffold.Draft;
import dev.hookgen.generator.scaffold.DraftInstaller;
import dev.hookgen.generator.scaffold.SchemaScaffolder;
import dev.hookgen.generator.scaffold.ScaffoldException;
import dev.hookgen.generator.schema.SchemaSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "scaffold", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Writes a draft schema for a new trigger from a sample payload, and copies the sample beside the others.",
                "Shared shapes are reused by $ref; everything inferred says \"Inferred from sample: review.\"."})
final class ScaffoldCommand implements Callable<Integer> {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Spec
    CommandSpec spec;

    @Mixin
    SchemaOptions options;

    @Option(names = "--trigger", required = true, paramLabel = "NAME", description = "the new trigger's wire name, e.g. message_pinned")
    String trigger;

    @Parameters(index = "0", paramLabel = "SAMPLE.json", description = "a payload of the new trigger")
    Path sample;

    @Override
    public Integer call() {
        if (!trigger.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
            throw new ParameterException(spec.commandLine(), "--trigger must be a lower_snake_case wire name, like message_pinned: " + trigger);
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
        GeneratorConfig config = options.config();
        SchemaSet schemas = SchemaSet.read(config.schemaDirectory()).placedIn(config.apiPackage(), config.modelPackage());
        Draft draft = SchemaScaffolder.scaffold(json, trigger, schemas, config.apiPackage(), config.modelPackage());
        DraftInstaller.Result result = DraftInstaller.install(config, draft, bytes);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("hookgen: wrote %s and %s; the sample validates against the draft.%n",
                options.schemas.resolve(result.schemaFile()), options.schemas.resolve(result.sampleFile()));
        out.println("Review before committing:");
        draft.notes().forEach(note -> out.println("  - " + note));
        out.println("Then run `mvn install`: it gives " + draft.schema().path("javaType").asText()
                + ", a Trigger constant and a WebhookHandler method for " + trigger + ".");
        return HookgenCommand.OK;
    }
}
