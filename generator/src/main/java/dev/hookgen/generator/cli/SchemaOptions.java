package dev.hookgen.generator.cli;

import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.schema.Catalog;
import dev.hookgen.generator.schema.CatalogReader;
import dev.hookgen.generator.schema.TriggerSelection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every command reads schemas with: {@code --schemas DIR}, {@code --package PKG},
 * {@code --model-package PKG}, {@code --include-triggers} and {@code --exclude-triggers}.
 */
final class SchemaOptions {

    @Option(names = "--schemas", required = true, paramLabel = "DIR",
            description = "the schema directory (definitions/, triggers/, samples/)")
    Path schemas;

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

    GeneratorConfig config() {
        return new GeneratorConfig(schemas, apiPackage,
                modelPackage != null ? modelPackage : GeneratorConfig.defaultModelPackage(apiPackage),
                new TriggerSelection(includeTriggers, excludeTriggers));
    }

    Catalog catalog() {
        return CatalogReader.read(config());
    }
}
