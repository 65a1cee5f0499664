package dev.hookgen.generator.maven;

import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.schema.SchemaException;
import dev.hookgen.generator.schema.SchemaSources;
import dev.hookgen.generator.schema.TriggerSelection;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * The options every goal reads schemas with, turned into one {@link GeneratorConfig}. Goals only call
 * the generator's API with it.
 */
abstract class AbstractHookgenMojo extends AbstractMojo {

    /**
     * The folder of your own schemas: {@code definitions/}, {@code triggers/}, {@code samples/}. Need not exist when
     * {@code schemaArtifacts} are given; {@code hookgen:scaffold} creates it.
     */
    @Parameter(property = "hookgen.schemaDirectory", defaultValue = "${project.basedir}/src/main/schemas", required = true)
    File schemaDirectory;

    /**
     * Jars of schemas to start from, as {@code groupId:artifactId[:version]}, such as
     * {@code dev.hookgen:hookgen-schemas} (CometChat's published schemas). A missing version is taken from
     * the project's dependencies or dependency management. They are resolved like dependencies, put
     * together in order, and {@code schemaDirectory} goes on top: its files are added, and replace a
     * jar's file of the same name.
     */
    @Parameter(property = "hookgen.schemaArtifacts")
    List<String> schemaArtifacts;

    /** The package of the event API and the event classes. */
    @Parameter(property = "hookgen.package", defaultValue = GeneratorConfig.DEFAULT_PACKAGE, required = true)
    String packageName;

    /** The package of every other generated class; default {@code <packageName>.model}. */
    @Parameter(property = "hookgen.modelPackage")
    String modelPackage;

    /** Only these triggers, by wire name; {@code *} matches any characters. Default: every trigger. */
    @Parameter(property = "hookgen.includeTriggers")
    List<String> includeTriggers;

    /** Leave these triggers out, by wire name; {@code *} matches any characters. */
    @Parameter(property = "hookgen.excludeTriggers")
    List<String> excludeTriggers;

    /** Skips the goal. */
    @Parameter(property = "hookgen.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    @Inject
    RepositorySystem repositorySystem;

    /**
     * Runs the goal with the configuration, unless {@code skip} is set. A schema the generator refuses fails the build
     * ({@link MojoFailureException}, naming the file and the JSON pointer); any other error is a
     * {@link MojoExecutionException}.
     */
    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("hookgen: skipped");
            skipped();
            return;
        }
        GeneratorConfig config = config();
        try {
            execute(config);
        } catch (SchemaException e) {
            throw new MojoFailureException("hookgen: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("hookgen: " + e.getMessage(), e);
        }
    }

    /** The goal's work. */
    abstract void execute(GeneratorConfig config) throws MojoExecutionException, MojoFailureException;

    /** What a skipped goal still does to the project: nothing, unless a goal overrides it. */
    void skipped() {}

    /**
     * The configuration: the schema directory (staged with the artifacts' schemas, if there are any), packages,
     * triggers. {@code schemaDirectory} may be missing when there are artifacts; with neither, there is nothing to read.
     */
    GeneratorConfig config() throws MojoExecutionException {
        Path schemas = schemaDirectory.toPath();
        if (schemaArtifacts != null && !schemaArtifacts.isEmpty()) {
            List<Path> sources = new ArrayList<>();
            for (String coordinates : schemaArtifacts) {
                sources.add(resolve(coordinates));
            }
            if (Files.exists(schemas)) {
                sources.add(schemas);
            }
            schemas = stagedSchemaDirectory();
            for (SchemaSources.Replaced replaced : SchemaSources.stage(sources, schemas)) {
                getLog().info("hookgen: " + replaced.file() + " of " + replaced.by() + " replaces the one of an earlier source");
            }
        } else if (!Files.exists(schemas)) {
            throw new MojoExecutionException("hookgen: no schemas: " + schemas + " does not exist and no schemaArtifacts are configured;"
                    + " put your schemas there (schemaDirectory) or list a jar of schemas, such as dev.hookgen:hookgen-schemas, in schemaArtifacts");
        }
        try {
            return new GeneratorConfig(schemas, packageName,
                    modelPackage == null || modelPackage.isBlank() ? GeneratorConfig.defaultModelPackage(packageName) : modelPackage,
                    new TriggerSelection(includeTriggers, excludeTriggers));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("hookgen: " + e.getMessage(), e);
        }
    }

    /** Where the sources are put together when there are {@code schemaArtifacts}. */
    Path stagedSchemaDirectory() {
        return Path.of(project.getBuild().getDirectory(), "hookgen", "schemas");
    }

    /** The jar of {@code groupId:artifactId[:version]}, resolved from the project's repositories (or the reactor). */
    private Path resolve(String coordinates) throws MojoExecutionException {
        String[] parts = coordinates.strip().split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw new MojoExecutionException("hookgen: schemaArtifacts: \"" + coordinates + "\" is not groupId:artifactId[:version]");
        }
        String version = parts.length == 3 ? parts[2] : managedVersion(parts[0], parts[1]);
        if (version == null) {
            throw new MojoExecutionException("hookgen: schemaArtifacts: \"" + coordinates
                    + "\" has no version, and the project neither depends on it nor manages it");
        }
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(parts[0], parts[1], "jar", version),
                project.getRemoteProjectRepositories(), null);
        try {
            return repositorySystem.resolveArtifact(session.getRepositorySession(), request).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("hookgen: schemaArtifacts: cannot resolve " + coordinates + ": " + e.getMessage(), e);
        }
    }

    private String managedVersion(String groupId, String artifactId) {
        List<Dependency> candidates = new ArrayList<>(project.getDependencies());
        if (project.getDependencyManagement() != null) {
            candidates.addAll(project.getDependencyManagement().getDependencies());
        }
        return candidates.stream()
                .filter(d -> d.getGroupId().equals(groupId) && d.getArtifactId().equals(artifactId) && d.getVersion() != null)
                .map(Dependency::getVersion)
                .findFirst()
                .orElse(null);
    }
}
