package dev.hookgen.generator.cli;

import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.schema.StagedSchemas;
import dev.hookgen.generator.schema.TriggerSelection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The options every command reads schemas with: {@code --schemas DIR|JAR} (repeatable), {@code --package PKG},
 * {@code --model-package PKG}, {@code --include-triggers} and {@code --exclude-triggers}.
 */
final class SchemaOptions {

    @Option(names = "--schemas", required = true, paramLabel = "DIR|JAR",
            description = {"a schema directory (definitions/, triggers/, samples/), or a jar with hookgen/schemas/ in it.",
                    "Repeat it to put several together, a later one on top (a file of it replaces an earlier one's"
                            + " of the same name), as the plugin does with schemaArtifacts and schemaDirectory."})
    List<Path> schemas = new ArrayList<>();

    @Option(names = "--package", paramLabel = "PKG", defaultValue = GeneratorConfig.DEFAULT_PACKAGE,
            description = "the package of the event API and the event classes (default: ${DEFAULT-VALUE})")
    String apiPackage;

    @Option(names = "--model-package", paramLabel = "PKG",
            description = "the package of every other generated class (default: the API package + .model)")
    String modelPackage;

    @Option(names = "--include-triggers", paramLabel = "NAME", split = ",",
            description = "generate only these triggers, by wire name; * matches any characters (default: all)")
    List<String> includeTriggers = new ArrayList<>();

    @Option(names = "--exclude-triggers", paramLabel = "NAME", split = ",",
            description = "leave these triggers out, by wire name; * matches any characters")
    List<String> excludeTriggers = new ArrayList<>();

    /** Runs {@code work} with the configuration of every {@code --schemas} put together, then removes what was staged. */
    <T> T withConfig(Function<GeneratorConfig, T> work) {
        return withConfig(schemas, work);
    }

    /** As {@link #withConfig(Function)}, with these sources. */
    <T> T withConfig(List<Path> sources, Function<GeneratorConfig, T> work) {
        try (StagedSchemas staged = StagedSchemas.of(sources)) {
            return work.apply(new GeneratorConfig(staged.directory(), apiPackage,
                    modelPackage != null ? modelPackage : GeneratorConfig.defaultModelPackage(apiPackage),
                    new TriggerSelection(includeTriggers, excludeTriggers)));
        }
    }

    /** The last {@code --schemas}: the folder of one's own, where files are written. */
    Path own() {
        return schemas.get(schemas.size() - 1);
    }

    /**
     * The options as given, but the folder written to, for the next command: {@code --schemas A --package P ...}.
     * {@code --package} only when it is not the default.
     */
    List<String> asArguments() {
        List<String> arguments = new ArrayList<>();
        schemas.forEach(source -> arguments.addAll(List.of("--schemas", source.toString())));
        if (!apiPackage.equals(GeneratorConfig.DEFAULT_PACKAGE)) {
            arguments.addAll(List.of("--package", apiPackage));
        }
        if (modelPackage != null) {
            arguments.addAll(List.of("--model-package", modelPackage));
        }
        if (!includeTriggers.isEmpty()) {
            arguments.addAll(List.of("--include-triggers", String.join(",", includeTriggers)));
        }
        if (!excludeTriggers.isEmpty()) {
            arguments.addAll(List.of("--exclude-triggers", String.join(",", excludeTriggers)));
        }
        return arguments;
    }
}
