package dev.hookgen.generator.maven;

import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.docs.CatalogFile;
import dev.hookgen.generator.schema.Catalog;
import dev.hookgen.generator.schema.CatalogReader;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code hookgen:catalog}: renders the events catalog (Markdown: every trigger with its class,
 * description, idempotency key and fields) and writes it when it differs; with {@code check}, writes
 * nothing and fails the build when the file is missing or out of date.
 */
@Mojo(name = "catalog", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public final class CatalogMojo extends AbstractHookgenMojo {

    /** The catalog file. */
    @Parameter(property = "hookgen.catalogFile", defaultValue = "${project.basedir}/src/main/schemas/EVENTS.md", required = true)
    File catalogFile;

    /** Compare instead of writing: fail when the file is missing or differs from what the schemas give. */
    @Parameter(property = "hookgen.catalog.check", defaultValue = "false")
    boolean check;

    @Override
    void execute(GeneratorConfig config) throws MojoFailureException {
        Catalog catalog = CatalogReader.read(config);
        Path file = catalogFile.toPath().toAbsolutePath().normalize();
        if (check) {
            CatalogFile.Status status = CatalogFile.check(catalog, file);
            if (status != CatalogFile.Status.UP_TO_DATE) {
                throw new MojoFailureException("hookgen: " + file + " is "
                        + (status == CatalogFile.Status.MISSING ? "missing" : "out of date") + ": run mvn hookgen:catalog");
            }
            getLog().info("hookgen: " + file + " is up to date");
            return;
        }
        CatalogFile.Status status = CatalogFile.write(catalog, file);
        getLog().info("hookgen: " + (status == CatalogFile.Status.WRITTEN ? "wrote " + file : file + " unchanged"));
    }
}
