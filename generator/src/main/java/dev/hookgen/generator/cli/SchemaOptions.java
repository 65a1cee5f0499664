package dev.hookgen.generator.cli;

import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.schema.Catalog;
import dev.hookgen.generator.schema.CatalogReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command reads schemas with: {@code --schemas DIR} and {@code --package PKG}. */
final class SchemaOptions {

    @Option(names = "--schemas", required = true, paramLabel = "DIR",
            description = "the schema directory (definitions/, triggers/, samples/)")
    Path schemas;

    @Option(names = "--package", paramLabel = "PKG", defaultValue = GeneratorConfig.DEFAULT_PACKAGE,
            description = "the package of the event API (default: ${DEFAULT-VALUE})")
    String apiPackage;

    GeneratorConfig config() {
        return new GeneratorConfig(schemas, apiPackage);
    }

    Catalog catalog() {
        return CatalogReader.read(schemas, apiPackage);
    }
}
