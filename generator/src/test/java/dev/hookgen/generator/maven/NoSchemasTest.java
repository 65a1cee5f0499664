package dev.hookgen.generator.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code schemaDirectory} may be missing when {@code schemaArtifacts} are given (the invoker test
 * {@code src/it/published-schemas} builds such a project); with neither, every goal says what is missing.
 */
class NoSchemasTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"generate", "validate", "catalog", "scaffold"})
    void withoutSchemasAndWithoutSchemaArtifactsEveryGoalSaysWhatIsMissing(String goal) {
        Path missing = temp.resolve("src/main/schemas");
        AbstractHookgenMojo mojo = switch (goal) {
            case "generate" -> {
                GenerateMojo generate = new GenerateMojo();
                generate.outputDirectory = temp.resolve("target/generated-sources/hookgen").toFile();
                yield generate;
            }
            case "validate" -> new ValidateMojo();
            case "catalog" -> {
                CatalogMojo catalog = new CatalogMojo();
                catalog.catalogFile = missing.resolve("EVENTS.md").toFile();
                yield catalog;
            }
            case "scaffold" -> {
                ScaffoldMojo scaffold = new ScaffoldMojo();
                scaffold.trigger = "message_pinned";
                scaffold.sample = temp.resolve("message_pinned.json").toFile();
                yield scaffold;
            }
            default -> throw new AssertionError(goal);
        };
        mojo.schemaDirectory = missing.toFile();
        mojo.schemaArtifacts = List.of();
        mojo.packageName = "com.example.webhooks";
        mojo.project = new MavenProject();

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertEquals("hookgen: no schemas: " + missing + " does not exist and no schemaArtifacts are configured;"
                + " put your schemas there (schemaDirectory) or list a jar of schemas, such as dev.hookgen:hookgen-schemas,"
                + " in schemaArtifacts", e.getMessage());
        assertFalse(Files.exists(missing), "nothing was created");
        assertFalse(Files.exists(new File(temp.toFile(), "target").toPath()), "nothing was generated");
    }
}
