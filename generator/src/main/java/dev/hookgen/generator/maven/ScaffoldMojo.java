package dev.hookgen.generator.maven;

import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.cli.Shell;
import dev.hookgen.generator.scaffold.Scaffold;
import dev.hookgen.generator.scaffold.ScaffoldException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code hookgen:scaffold}: writes a draft schema for a new trigger from a sample payload into
 * {@code schemaDirectory} ({@code triggers/<trigger>.json}, and the sample to {@code samples/}), as the CLI's
 * {@code scaffold} does. The draft is made against every schema the build reads, {@code schemaArtifacts} and
 * {@code schemaDirectory} together, so it reuses CometChat's published definitions by {@code $ref}, and is
 * checked with the build's packages. Run it from the command line:
 * {@code mvn hookgen:scaffold -Dhookgen.trigger=message_pinned -Dhookgen.sample=message_pinned.json}.
 */
@Mojo(name = "scaffold", threadSafe = true)
public final class ScaffoldMojo extends AbstractHookgenMojo {

    /** The properties, given with -D, that change what the next build generates: the next command repeats them. */
    private static final List<String> BUILD_PROPERTIES = List.of("hookgen.schemaDirectory", "hookgen.schemaArtifacts", "hookgen.package",
            "hookgen.modelPackage", "hookgen.includeTriggers", "hookgen.excludeTriggers");

    /** The new trigger's wire name, such as {@code message_pinned}. */
    @Parameter(property = "hookgen.trigger", required = true)
    String trigger;

    /** A payload of the new trigger (a JSON file). */
    @Parameter(property = "hookgen.sample", required = true)
    File sample;

    @Override
    void execute(GeneratorConfig config) throws MojoExecutionException, MojoFailureException {
        Scaffold.Result result;
        try {
            result = Scaffold.run(config, schemaDirectory.toPath(), trigger, sample.toPath());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("hookgen: trigger: " + e.getMessage(), e);
        } catch (ScaffoldException e) {
            throw new MojoFailureException("hookgen: " + e.getMessage(), e);
        }
        getLog().info("hookgen: wrote " + result.schemaFile() + " and " + result.sampleFile() + "; the sample validates against the draft.");
        getLog().info("hookgen: review before committing:");
        result.draft().notes().forEach(note -> getLog().info("hookgen:   - " + note));
        if (!result.selected()) {
            getLog().warn("hookgen: includeTriggers/excludeTriggers leave " + trigger + " out: it is generated once they select it");
        }
        getLog().info("hookgen: then run " + Shell.command(nextCommand()) + ": it gives " + result.draft().schema().path("javaType").asText()
                + ", a Trigger constant and a WebhookHandler method for " + trigger + ".");
    }

    /** {@code mvn install}, with the -D properties of this run that change what the build generates. */
    private List<String> nextCommand() {
        List<String> command = new ArrayList<>(List.of("mvn", "install"));
        Properties given = session.getUserProperties();
        for (String property : BUILD_PROPERTIES) {
            if (given.getProperty(property) != null) {
                command.add("-D" + property + "=" + given.getProperty(property));
            }
        }
        return command;
    }
}
