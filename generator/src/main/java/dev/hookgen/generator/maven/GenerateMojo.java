package dev.hookgen.generator.maven;

import dev.hookgen.generator.Generator;
import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.GeneratorVersion;
import dev.hookgen.generator.output.GeneratedFiles;
import dev.hookgen.generator.output.InputFingerprint;
import dev.hookgen.generator.output.InputStamp;
import dev.hookgen.generator.output.OutputWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code hookgen:generate}: generates the models and the event API into
 * {@code target/generated-sources/hookgen} and adds it as a compile source root. The run is skipped
 * when the schemas, the configuration and the generator's version hash as the last run did; a
 * deleted schema's classes are removed.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractHookgenMojo {

    /** Where the sources go. */
    @Parameter(property = "hookgen.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/hookgen", required = true)
    File outputDirectory;

    /** A skipped run still compiles what an earlier one generated. */
    @Override
    void skipped() {
        project.addCompileSourceRoot(outputDirectory.getPath());
    }

    @Override
    void execute(GeneratorConfig config) throws MojoExecutionException {
        project.addCompileSourceRoot(outputDirectory.getPath());
        Path out = outputDirectory.toPath();
        try {
            String fingerprint = InputFingerprint.of(config, GeneratorVersion.fingerprint());
            if (InputStamp.matches(out, fingerprint)) {
                getLog().info("hookgen: sources are up to date with " + config.schemaDirectory());
                return;
            }
            GeneratedFiles files = Generator.generate(config);
            InputStamp.clear(out);
            OutputWriter.Result result = OutputWriter.write(files, out);
            InputStamp.write(out, fingerprint);
            getLog().info(String.format("hookgen: %d files written, %d unchanged, %d removed in %s",
                    result.written(), result.unchanged(), result.removed().size(), out));
            result.removed().forEach(file -> getLog().info("hookgen: removed stale " + file));
        } catch (IOException e) {
            throw new MojoExecutionException("hookgen: " + e.getMessage(), e);
        }
    }
}
