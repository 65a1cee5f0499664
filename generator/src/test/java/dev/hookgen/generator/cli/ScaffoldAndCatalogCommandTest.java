package dev.hookgen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.TestSchemas;
import dev.hookgen.generator.docs.EventsCatalog;
import dev.hookgen.generator.schema.CatalogReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScaffoldAndCatalogCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = HookgenCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void scaffoldRefusesAnExistingTrigger() throws Exception {
        Path schemas = TestSchemas.copyTo(temp.resolve("schemas"));
        String before = Files.readString(schemas.resolve("triggers/message_sent.json"));
        int exit = run("scaffold", "--schemas", schemas.toString(), "--trigger", "message_sent",
                schemas.resolve("samples/message_sent.json").toString());
        assertEquals(1, exit);
        assertEquals("hookgen: trigger \"message_sent\" already exists: triggers/message_sent.json;"
                + " scaffold only writes new triggers, edit that schema by hand", err.toString().strip());
        assertEquals(before, Files.readString(schemas.resolve("triggers/message_sent.json")));
    }

    @Test
    void scaffoldWritesNothingWhenTheSampleDoesNotValidateAgainstTheDraft() throws Exception {
        Path schemas = TestSchemas.copyWithout(temp.resolve("schemas"), "message_pinned");
        Path sample = temp.resolve("message_pinned.json");
        Files.writeString(sample, "{\"trigger\": \"message_pinned\", \"data\": {\"note\": \"x\"}, \"region\": \"us\", \"webhook\": \"w\"}");
        int exit = run("scaffold", "--schemas", schemas.toString(), "--trigger", "message_pinned", sample.toString());
        assertEquals(1, exit);
        assertEquals("hookgen: the sample is not valid against the draft of triggers/message_pinned.json:"
                + " $: required property 'appId' not found", err.toString().strip());
        assertFalse(Files.exists(schemas.resolve("triggers/message_pinned.json")));
        assertFalse(Files.exists(schemas.resolve("samples/message_pinned.json")));
    }

    @Test
    void scaffoldRejectsASampleThatIsNotJson() throws Exception {
        Path schemas = TestSchemas.copyWithout(temp.resolve("schemas"), "message_pinned");
        Path sample = temp.resolve("broken.json");
        Files.writeString(sample, "{\"trigger\": \"message_pinned\",}");
        assertEquals(1, run("scaffold", "--schemas", schemas.toString(), "--trigger", "message_pinned", sample.toString()));
        assertTrue(err.toString().startsWith("hookgen: " + sample + ": not valid JSON: Unexpected character ('}'"), err.toString());
    }

    @Test
    void scaffoldWithoutATriggerNameIsBadUsage() {
        assertEquals(2, run("scaffold", "--schemas", "schemas", "sample.json"));
        assertTrue(err.toString().startsWith("Missing required option: '--trigger=NAME'"), err.toString());
    }

    @Test
    void scaffoldWithATriggerNameThatIsNotAWireNameIsBadUsage() {
        assertEquals(2, run("scaffold", "--schemas", "schemas", "--trigger", "MessagePinned", "sample.json"));
        assertTrue(err.toString().startsWith("--trigger must be a lower_snake_case wire name, like message_pinned: MessagePinned"),
                err.toString());
    }

    @Test
    void catalogWritesTheFileAndCheckDetectsDrift() throws Exception {
        Path schemas = TestSchemas.copyTo(temp.resolve("schemas"));
        Path events = schemas.resolve("EVENTS.md");

        assertEquals(1, run("catalog", "--schemas", schemas.toString(), "--check"));
        assertEquals("hookgen: " + events + " is missing: run catalog without --check", err.toString().strip());

        assertEquals(0, run("catalog", "--schemas", schemas.toString()));
        assertEquals("hookgen: wrote " + events, out.toString().strip());
        out.getBuffer().setLength(0);
        assertEquals(0, run("catalog", "--schemas", schemas.toString()));
        assertEquals("hookgen: " + events + " unchanged", out.toString().strip());
        assertEquals(EventsCatalog.render(CatalogReader.read(schemas, GeneratorConfig.DEFAULT_PACKAGE)), Files.readString(events));

        out.getBuffer().setLength(0);
        assertEquals(0, run("catalog", "--schemas", schemas.toString(), "--check"));
        assertEquals("hookgen: " + events + " is up to date", out.toString().strip());

        // A schema changes, the catalog does not: --check fails and names the command that fixes it.
        Path trigger = schemas.resolve("triggers/message_sent.json");
        Files.writeString(trigger, Files.readString(trigger).replace("after the message is sent", "after a message is sent"));
        err.getBuffer().setLength(0);
        assertEquals(1, run("catalog", "--schemas", schemas.toString(), "--check"));
        assertEquals("hookgen: " + events + " is out of date: run catalog without --check", err.toString().strip());
    }
}
