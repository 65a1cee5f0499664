package dev.hookgen.generator;

import dev.hookgen.generator.api.ApiGenerator;
import dev.hookgen.generator.api.ApiNames;
import dev.hookgen.generator.models.ModelGenerator;
import dev.hookgen.generator.output.GeneratedFiles;
import dev.hookgen.generator.schema.Catalog;
import dev.hookgen.generator.schema.CatalogReader;

/**
 * The one entry point: schemas in, Java sources out (in memory). Read the schemas into a
 * {@link Catalog}, emit the models through jsonschema2pojo and the event API through JavaPoet.
 * Only {@link dev.hookgen.generator.output.OutputWriter} touches the disk.
 */
public final class Generator {

    private Generator() {}

    public static GeneratedFiles generate(GeneratorConfig config) {
        Catalog catalog = CatalogReader.read(config);
        return generate(catalog);
    }

    public static GeneratedFiles generate(Catalog catalog) {
        ApiNames names = new ApiNames(catalog.apiPackage());
        GeneratedFiles files = new GeneratedFiles();
        files.addAll(ModelGenerator.generate(catalog, names));
        files.addAll(ApiGenerator.generate(catalog, names));
        return files;
    }
}
