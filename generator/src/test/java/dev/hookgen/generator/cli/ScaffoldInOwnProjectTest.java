package dev.hookgen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookgen.generator.JavaCompilation;
import dev.hookgen.generator.TestSchemas;
import dev.hookgen.generator.schema.SchemaSources;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * "When CometChat adds a trigger" in a project of one's own: CometChat's published schemas come as a jar,
 * the project's folder holds only its own triggers (or does not exist yet). {@code scaffold} takes both as
 * {@code --schemas}, drafts against all of them (so {@code $ref}s reach the published definitions), writes
 * into the last, and prints the command that generates with the same options.
 */
class ScaffoldInOwnProjectTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path published;
    private Path own;
    private Path sample;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void aProjectOnThePublishedJar() throws IOException {
        published = jar(TestSchemas.copyWithout(temp.resolve("published"), "poll_voted"), temp.resolve("hookgen-schemas.jar"));
        own = temp.resolve("project/src/main/schemas");
        sample = Path.of("src/test/resources/scaffold/poll_voted.json").toAbsolutePath();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = HookgenCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aScaffoldAgainstThePublishedJarWritesOnlyTheNewTriggerIntoTheOwnFolderAndItGeneratesAndParses() throws Exception {
        int exit = run("scaffold", "--schemas", published.toString(), "--schemas", own.toString(), "--package", "com.example.webhooks",
                "--trigger", "poll_voted", sample.toString());

        assertEquals(0, exit, err.toString());
        assertEquals(List.of("samples/poll_voted.json", "triggers/poll_voted.json"), files(own), "the own folder holds only the new trigger");
        String draft = Files.readString(own.resolve("triggers/poll_voted.json"));
        assertTrue(draft.contains("\"$ref\": \"../definitions/message.json\""), "the published Message is reused: " + draft);
        assertTrue(draft.contains("\"javaType\": \"com.example.webhooks.PollVotedEvent\""), draft);
        String printed = out.toString();
        assertTrue(printed.startsWith("hookgen: wrote " + own.resolve("triggers/poll_voted.json") + " and "
                + own.resolve("samples/poll_voted.json") + "; the sample validates against the draft." + System.lineSeparator()), printed);
        assertTrue(printed.contains("Then generate it: java -jar hookgen.jar generate --schemas " + published + " --schemas " + own
                + " --package com.example.webhooks --out SOURCES_DIR" + System.lineSeparator()), printed);
        assertTrue(printed.contains("It gives com.example.webhooks.PollVotedEvent, a Trigger constant and a WebhookHandler method for poll_voted."),
                printed);

        // The printed command, with a folder for the sources (and only the new trigger, to compile in a moment).
        Path sources = temp.resolve("project/target/generated-sources/hookgen");
        assertEquals(0, run("generate", "--schemas", published.toString(), "--schemas", own.toString(), "--package", "com.example.webhooks",
                "--include-triggers", "poll_voted", "--out", sources.toString()), err.toString());
        JavaCompilation.Result compiled = JavaCompilation.compile(sources, temp.resolve("project/target/classes"));
        compiled.assertClean();
        try (var loader = compiled.loader()) {
            Class<?> events = loader.loadClass("com.example.webhooks.WebhookEvents");
            byte[] body = Files.readAllBytes(sample);
            Object event = events.getMethod("parse", byte[].class).invoke(null, body);
            assertEquals("com.example.webhooks.PollVotedEvent", event.getClass().getName());
            Class<?> webhookEvent = loader.loadClass("com.example.webhooks.WebhookEvent");
            assertEquals(JSON.readTree(body), JSON.readTree((String) events.getMethod("toJson", webhookEvent).invoke(null, event)));
            Object data = event.getClass().getMethod("getData").invoke(event);
            Object message = data.getClass().getMethod("getMessage").invoke(data);
            assertEquals("com.example.webhooks.model.Message", message.getClass().getName(), "the published shape, in the project's package");
        }
    }

    @Test
    void theNextCommandRepeatsEveryOptionGivenQuotedForTheShell() throws Exception {
        int exit = run("scaffold", "--schemas", published.toString(), "--schemas", own.toString(), "--package", "com.example.webhooks",
                "--model-package", "com.example.webhooks.shapes", "--exclude-triggers", "meeting_*", "--trigger", "poll_voted", sample.toString());

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("Then generate it: java -jar hookgen.jar generate --schemas " + published + " --schemas " + own
                + " --package com.example.webhooks --model-package com.example.webhooks.shapes --exclude-triggers 'meeting_*' --out SOURCES_DIR"),
                out.toString());
        assertTrue(Files.readString(own.resolve("triggers/poll_voted.json")).contains("\"javaType\": \"com.example.webhooks.shapes.PollVotedEventData\""));
    }

    @Test
    void aSelectionThatLeavesTheNewTriggerOutIsSaid() {
        int exit = run("scaffold", "--schemas", published.toString(), "--schemas", own.toString(), "--include-triggers", "message_*",
                "--trigger", "poll_voted", sample.toString());

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("Note: --include-triggers/--exclude-triggers leave poll_voted out: it is generated once they select it."),
                out.toString());
    }

    @Test
    void aTriggerThePublishedJarHasIsRefusedAndNothingIsWritten() throws IOException {
        Path sent = temp.resolve("message_sent.json");
        Files.copy(TestSchemas.directory().resolve("samples/message_sent.json"), sent);

        assertEquals(1, run("scaffold", "--schemas", published.toString(), "--schemas", own.toString(), "--trigger", "message_sent", sent.toString()));

        assertEquals("hookgen: trigger \"message_sent\" already exists: triggers/message_sent.json;"
                + " scaffold only writes new triggers, edit that schema by hand", err.toString().strip());
        assertFalse(Files.exists(own));
    }

    @Test
    void theLastSchemasMustBeAFolder() {
        assertEquals(2, run("scaffold", "--schemas", own.toString(), "--schemas", published.toString(), "--trigger", "poll_voted", sample.toString()));
        assertTrue(err.toString().startsWith("the last --schemas is where scaffold writes: a folder, not a jar: " + published), err.toString());
    }

    @Test
    void everyCommandReadsTheSourcesTogether() throws IOException {
        Files.createDirectories(own.resolve("triggers"));
        assertEquals(0, run("list", "--schemas", published.toString(), "--schemas", own.toString()), err.toString());
        assertTrue(out.toString().contains("message_sent"), out.toString());

        assertEquals(0, run("validate", "--schemas", published.toString(), "--schemas", own.toString(),
                TestSchemas.directory().resolve("samples/message_sent.json").toString()), err.toString());

        assertEquals(0, run("catalog", "--schemas", published.toString(), "--schemas", own.toString()), err.toString());
        assertEquals("hookgen: wrote " + own.resolve("EVENTS.md"), out.toString().strip());
        assertEquals(2, run("catalog", "--schemas", own.toString(), "--schemas", published.toString()));
        assertTrue(err.toString().startsWith("--out is needed when the last --schemas is a jar: " + published), err.toString());
    }

    /** The schema directory as a jar of schemas, under {@value SchemaSources#JAR_ROOT}/, as hookgen-schemas is. */
    private static Path jar(Path schemas, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file);
                Stream<Path> walk = Files.walk(schemas)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(SchemaSources.JAR_ROOT + "/" + schemas.relativize(path).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(path));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
