package dev.hookgen.generator.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.generator.TestSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hookgen:scaffold} on a project's own schema folder; with {@code schemaArtifacts} (the published schemas
 * plus a folder that does not exist yet) it is run by the invoker test {@code src/it/published-schemas}.
 */
class ScaffoldMojoTest {

    @TempDir
    Path temp;

    private Path schemas;
    private final List<String> log = new ArrayList<>();
    private final Properties userProperties = new Properties();

    @BeforeEach
    void schemasWithoutTheNewTrigger() {
        schemas = TestSchemas.copyWithout(temp.resolve("src/main/schemas"), "poll_voted");
    }

    private ScaffoldMojo mojo(String trigger) {
        ScaffoldMojo mojo = new ScaffoldMojo();
        mojo.schemaDirectory = schemas.toFile();
        mojo.packageName = "com.example.webhooks";
        mojo.trigger = trigger;
        mojo.sample = Path.of("src/test/resources/scaffold/poll_voted.json").toAbsolutePath().toFile();
        mojo.project = new MavenProject();
        mojo.session = new MavenSession(null, null, new DefaultMavenExecutionRequest().setUserProperties(userProperties), null);
        mojo.setLog(new RecordingLog(log));
        return mojo;
    }

    @Test
    void writesTheDraftAndTheSampleAndNamesTheNextCommandWithThePropertiesThatChangeTheBuild() throws Exception {
        userProperties.setProperty("hookgen.trigger", "poll_voted");
        userProperties.setProperty("hookgen.sample", "poll_voted.json");
        userProperties.setProperty("hookgen.modelPackage", "com.example.webhooks.shapes");
        userProperties.setProperty("hookgen.excludeTriggers", "meeting_*");
        ScaffoldMojo mojo = mojo("poll_voted");
        mojo.modelPackage = "com.example.webhooks.shapes";
        mojo.excludeTriggers = List.of("meeting_*");

        mojo.execute();

        String draft = Files.readString(schemas.resolve("triggers/poll_voted.json"));
        assertTrue(draft.contains("\"javaType\": \"com.example.webhooks.PollVotedEvent\""), draft);
        assertTrue(draft.contains("\"javaType\": \"com.example.webhooks.shapes.PollVotedEventData\""), draft);
        assertEquals(Files.readString(mojo.sample.toPath()), Files.readString(schemas.resolve("samples/poll_voted.json")));
        assertEquals("hookgen: wrote " + schemas.resolve("triggers/poll_voted.json") + " and " + schemas.resolve("samples/poll_voted.json")
                + "; the sample validates against the draft.", log.get(0));
        assertEquals("hookgen: then run mvn install -Dhookgen.modelPackage=com.example.webhooks.shapes '-Dhookgen.excludeTriggers=meeting_*':"
                + " it gives com.example.webhooks.PollVotedEvent, a Trigger constant and a WebhookHandler method for poll_voted.",
                log.get(log.size() - 1));
        assertTrue(log.stream().noneMatch(line -> line.startsWith("[warn]")), log.toString());
    }

    @Test
    void withTheBuildsOwnConfigurationTheNextCommandIsPlain() throws Exception {
        mojo("poll_voted").execute();
        assertTrue(log.get(log.size() - 1).startsWith("hookgen: then run mvn install: it gives com.example.webhooks.PollVotedEvent,"), log.toString());
    }

    @Test
    void aSelectionThatLeavesTheNewTriggerOutIsAWarning() throws Exception {
        ScaffoldMojo mojo = mojo("poll_voted");
        mojo.includeTriggers = List.of("message_*");
        mojo.execute();
        assertTrue(log.contains("[warn] hookgen: includeTriggers/excludeTriggers leave poll_voted out: it is generated once they select it"),
                log.toString());
    }

    @Test
    void anExistingTriggerFailsAndNothingIsWritten() throws Exception {
        ScaffoldMojo mojo = mojo("message_sent");
        mojo.sample = schemas.resolve("samples/message_sent.json").toFile();
        String before = Files.readString(schemas.resolve("triggers/message_sent.json"));

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("hookgen: trigger \"message_sent\" already exists: triggers/message_sent.json;"
                + " scaffold only writes new triggers, edit that schema by hand", e.getMessage());
        assertEquals(before, Files.readString(schemas.resolve("triggers/message_sent.json")));
    }

    @Test
    void aTriggerNameThatIsNotAWireNameIsAConfigurationError() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> mojo("PollVoted").execute());
        assertEquals("hookgen: trigger: the trigger name must be lower_snake_case, like message_pinned: PollVoted", e.getMessage());
        assertFalse(Files.exists(schemas.resolve("triggers/PollVoted.json")));
    }
}
