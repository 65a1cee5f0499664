package dev.hookgen.generator.maven;

import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.schema.Catalog;
import dev.hookgen.generator.schema.CatalogReader;
import dev.hookgen.generator.validate.PayloadValidator;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code hookgen:validate}: checks payload files against their trigger's schema, as the CLI's
 * {@code validate} does; an invalid payload fails the build, naming the file and the JSON path.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public final class ValidateMojo extends AbstractHookgenMojo {

    /**
     * Payload files, or folders of them ({@code .json}). Default: the samples of the generated triggers,
     * {@code samples/<trigger>[.<variant>].json} of the schemas (yours and those of {@code schemaArtifacts}).
     */
    @Parameter(property = "hookgen.payloads")
    List<File> payloads;

    @Override
    void execute(GeneratorConfig config) throws MojoExecutionException, MojoFailureException {
        Catalog catalog = CatalogReader.read(config);
        List<Path> files = payloads == null || payloads.isEmpty() ? samples(config, catalog) : payloads.stream().map(File::toPath).toList();
        if (files.isEmpty()) {
            throw new MojoExecutionException("hookgen: no payload to validate: set payloads, or add samples/<trigger>.json");
        }
        List<PayloadValidator.FileResult> results = new PayloadValidator(catalog).validateFiles(files);
        long invalid = results.stream().filter(r -> !r.valid()).count();
        for (PayloadValidator.FileResult result : results) {
            result.problems().forEach(problem -> getLog().error("hookgen: " + result.file() + ": " + problem));
        }
        String summary = String.format("hookgen: %d valid, %d invalid", results.size() - invalid, invalid);
        if (invalid > 0) {
            throw new MojoFailureException(summary);
        }
        getLog().info(summary);
    }

    /** The samples whose trigger is generated, in name order. */
    private static List<Path> samples(GeneratorConfig config, Catalog catalog) {
        Path folder = config.schemaDirectory().resolve("samples");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> triggers = catalog.triggers().stream().map(t -> t.wireName()).toList();
        List<Path> samples = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(p -> {
                String name = p.getFileName().toString();
                if (triggers.contains(name.substring(0, name.indexOf('.')))) {
                    samples.add(p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return samples;
    }
}
