package dev.hookgen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.generator.GeneratorVersion;
import dev.hookgen.generator.SchemaDirectory;
import dev.hookgen.generator.schema.Names;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's exit codes and what it prints, captured through picocli's out and err writers. */
class HookgenCommandTest {

    private static final Path SCHEMAS = Path.of(System.getProperty("hookgen.schemas", "../schemas"));

    @TempDir
    Path temp;

    /** One run of the command line. */
    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = HookgenCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void version() {
        Run run = run("--version");
        assertEquals(0, run.exitCode());
        assertTrue(GeneratorVersion.get().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), "Maven filled in the version: " + GeneratorVersion.get());
        assertEquals("hookgen " + GeneratorVersion.get() + System.lineSeparator(), run.out());
        assertEquals("", run.err());
        assertEquals(run, run("generate", "--version"), "every subcommand has --version");
    }

    @Test
    void help() {
        Run run = run("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: hookgen [-hV] [COMMAND]"), run.out());
        for (String expected : List.of("generate", "validate", "list", "2   bad usage")) {
            assertTrue(run.out().contains(expected), expected + " in " + run.out());
        }
        Run generateHelp = run("generate", "--help");
        assertEquals(0, generateHelp.exitCode());
        assertTrue(generateHelp.out().contains("--schemas=DIR"), generateHelp.out());
    }

    @Test
    void noSubcommandIsBadUsage() {
        Run run = run();
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("name a command: generate, validate, list, scaffold or catalog" + System.lineSeparator() + "Usage: hookgen"), run.err());
    }

    @Test
    void anUnknownSubcommandIsBadUsage() {
        Run run = run("generat");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unmatched argument at index 0: 'generat'"), run.err());
    }

    @Test
    void generateWithoutSchemasIsBadUsage() {
        Run run = run("generate", "--out", temp.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("Missing required option: '--schemas=DIR|JAR'"), run.err());
        assertFalse(Files.exists(temp.resolve(".hookgen-files")));
    }

    @Test
    void generate() throws IOException {
        Path out = temp.resolve("out");
        Run run = run("generate", "--schemas", SCHEMAS.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        long javaFiles;
        try (Stream<Path> files = Files.walk(out)) {
            javaFiles = files.filter(p -> p.toString().endsWith(".java")).count();
        }
        assertEquals("hookgen: " + javaFiles + " files written, 0 unchanged, 0 removed in " + out + System.lineSeparator(), run.out());
        assertTrue(Files.isRegularFile(out.resolve("dev/hookgen/cometchat/MessageSentEvent.java")));
        assertTrue(Files.isRegularFile(out.resolve("dev/hookgen/cometchat/model/EntityRef.java")));
        assertEquals("", run.err());

        Run again = run("generate", "--schemas", SCHEMAS.toString(), "--out", out.toString());
        assertEquals("hookgen: 0 files written, " + javaFiles + " unchanged, 0 removed in " + out + System.lineSeparator(), again.out());
    }

    @Test
    void generateWithAnotherPackage() {
        Path schemas = new SchemaDirectory().writeTo(temp.resolve("schemas"));
        Path out = temp.resolve("out");
        Run run = run("generate", "--schemas", schemas.toString(), "--out", out.toString(), "--package", SchemaDirectory.PACKAGE);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(out.resolve("com/example/hooks/MessageSentEvent.java")));
    }

    @Test
    void generateFromABadSchemaFailsNamingFileAndPointer() {
        Path schemas = new SchemaDirectory()
                .replace("triggers/message_sent.json", "../definitions/message-event-data.json", "../definitions/mesage.json")
                .writeTo(temp.resolve("schemas"));
        Run run = run("generate", "--schemas", schemas.toString(), "--out", temp.resolve("out").toString(),
                "--package", SchemaDirectory.PACKAGE);
        assertEquals(1, run.exitCode());
        assertEquals("hookgen: schema triggers/message_sent.json: /properties/data: $ref \"../definitions/mesage.json\" not found"
                + System.lineSeparator(), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(temp.resolve("out")), "nothing is written");
    }

    @Test
    void validateAllSamples() throws IOException {
        List<String> args = new ArrayList<>(List.of("validate", "--schemas", SCHEMAS.toString()));
        List<Path> samples;
        try (Stream<Path> files = Files.list(SCHEMAS.resolve("samples"))) {
            samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        samples.forEach(p -> args.add(p.toString()));
        Run run = run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.out());
        List<String> expected = new ArrayList<>();
        samples.forEach(sample -> expected.add(sample + ": valid"));
        expected.add(samples.size() + " valid, 0 invalid");
        assertEquals(expected, run.out().lines().toList());
    }

    @Test
    void validateAnInvalidPayloadNamesTheJsonPath() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode payload = (ObjectNode) json.readTree(SCHEMAS.resolve("samples/message_sent.json").toFile());
        ((ObjectNode) payload.at("/data/message")).put("sentAt", "1696934912");
        Path bad = temp.resolve("bad.json");
        json.writeValue(bad.toFile(), payload);
        Path good = SCHEMAS.resolve("samples/message_sent.json");

        Run run = run("validate", "--schemas", SCHEMAS.toString(), good.toString(), bad.toString());
        assertEquals(1, run.exitCode());
        assertEquals(good + ": valid" + System.lineSeparator()
                + bad + ": $.data.message.sentAt: string found, integer expected" + System.lineSeparator()
                + "1 valid, 1 invalid" + System.lineSeparator(), run.out());
    }

    @Test
    void validateAFileThatIsNotJson() throws IOException {
        Path bad = Files.writeString(temp.resolve("bad.json"), "{\"trigger\": \"message_sent\",}");
        Run run = run("validate", "--schemas", SCHEMAS.toString(), bad.toString());
        assertEquals(1, run.exitCode());
        assertEquals(bad + ": line 1, column 28: not valid JSON: Unexpected character ('}' (code 125)):"
                + " was expecting double-quote to start field name" + System.lineSeparator()
                + "0 valid, 1 invalid" + System.lineSeparator(), run.out());
    }

    @Test
    void validateWithoutFilesIsBadUsage() {
        Run run = run("validate", "--schemas", SCHEMAS.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("Missing required parameter: 'FILE'"), run.err());
    }

    @Test
    void listShowsEveryTriggerWithItsClass() throws IOException {
        Run run = run("list", "--schemas", SCHEMAS.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> triggers;
        try (Stream<Path> files = Files.list(SCHEMAS.resolve("triggers"))) {
            triggers = files.map(p -> p.getFileName().toString().replace(".json", "")).sorted().toList();
        }
        int width = triggers.stream().mapToInt(String::length).max().orElseThrow();
        List<String> expected = new ArrayList<>();
        triggers.forEach(wire -> expected.add(String.format("%-" + width + "s  dev.hookgen.cometchat.%s", wire, Names.eventClass(wire))));
        expected.add(triggers.size() + " triggers");
        assertEquals(expected, run.out().lines().toList(), "one line per file in triggers/, sorted by wire name, then the count");
        assertTrue(expected.contains(String.format("%-" + width + "s  dev.hookgen.cometchat.MessageSentEvent", "message_sent")), run.out());
    }

    /** main(), as java -jar runs it: the validator's SLF4J says nothing ("No SLF4J providers were found" before). */
    @Test
    void theCommandLinePrintsNoSlf4jWarning() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HookgenCommand.class.getName(),
                "validate", "--schemas", SCHEMAS.toString(), SCHEMAS.resolve("samples/message_sent.json").toString())
                .start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out + err);
        assertEquals("", err);
        assertTrue(out.endsWith("1 valid, 0 invalid" + System.lineSeparator()), out);
    }
}
