package dev.hookgen.generator.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.generator.Generator;
import dev.hookgen.generator.SchemaDirectory;
import dev.hookgen.generator.output.InputStamp;
import dev.hookgen.generator.output.OutputWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hookgen:generate} as Maven runs it: generate, skip when nothing changed, regenerate, remove stale files. */
class GenerateMojoTest {

    private static final String SENT = "com/example/hooks/MessageSentEvent.java";
    private static final String DELETED = "com/example/hooks/MessageDeletedEvent.java";

    @TempDir
    Path temp;

    private Path schemaDir;
    private Path out;
    private SchemaDirectory schemas;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void twoTriggers() {
        schemaDir = temp.resolve("schemas");
        out = temp.resolve("target/generated-sources/hookgen");
        schemas = new SchemaDirectory().with("triggers/message_deleted.json", SchemaDirectory.trigger("message_deleted",
                "com.example.hooks.MessageDeletedEvent", "\"message_deleted\"", "[\"/webhook\", \"/trigger\", \"/data/message/id\"]",
                "../definitions/message-event-data.json"));
        schemas.writeTo(schemaDir);
    }

    @Test
    void theFirstRunWritesTheSourcesTheManifestAndTheStampAndAddsTheSourceRoot() throws Exception {
        MavenProject project = new MavenProject();
        mojo(project).execute();

        assertTrue(Files.isRegularFile(out.resolve(SENT)));
        assertTrue(Files.isRegularFile(out.resolve(DELETED)));
        assertTrue(Files.isRegularFile(out.resolve("com/example/hooks/WebhookEvent.java")));
        assertTrue(Files.readString(out.resolve(InputStamp.FILE)).matches("[0-9a-f]{64}\n"));
        List<String> manifest = Files.readAllLines(out.resolve(OutputWriter.MANIFEST));
        assertEquals(javaFiles(), manifest);
        assertEquals(List.of(out.toString()), project.getCompileSourceRoots());
        assertEquals(List.of("hookgen: " + manifest.size() + " files written, 0 unchanged, 0 removed in " + out), log);
    }

    @Test
    void aSecondRunWithTheSameInputsIsSkipped() throws Exception {
        mojo(new MavenProject()).execute();
        FileTime past = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(out.resolve(SENT), past);
        log.clear();

        MavenProject project = new MavenProject();
        mojo(project).execute();

        assertEquals(List.of("hookgen: sources are up to date with " + schemaDir), log);
        assertEquals(past, Files.getLastModifiedTime(out.resolve(SENT)), "the file was not rewritten");
        assertEquals(List.of(out.toString()), project.getCompileSourceRoots(), "the source root is added even when skipped");
    }

    @Test
    void aChangedSchemaRegenerates() throws Exception {
        mojo(new MavenProject()).execute();
        String before = Files.readString(out.resolve("com/example/hooks/model/User.java"));
        log.clear();

        schemas.replace("definitions/user.json", "\"description\": \"The user's role.\"", "\"description\": \"What the user may do.\"")
                .writeTo(schemaDir);
        mojo(new MavenProject()).execute();

        String after = Files.readString(out.resolve("com/example/hooks/model/User.java"));
        assertFalse(before.contains("What the user may do."));
        assertTrue(after.contains("What the user may do."));
        assertEquals(List.of("hookgen: 1 files written, " + (javaFiles().size() - 1) + " unchanged, 0 removed in " + out), log);
    }

    @Test
    void aDeletedFileOfAnEarlierRunIsRegenerated() throws Exception {
        mojo(new MavenProject()).execute();
        Files.delete(out.resolve(SENT));
        log.clear();

        mojo(new MavenProject()).execute();

        assertTrue(Files.isRegularFile(out.resolve(SENT)));
        assertEquals(List.of("hookgen: 1 files written, " + (javaFiles().size() - 1) + " unchanged, 0 removed in " + out), log);
    }

    @Test
    void deletingATriggerSchemaRemovesItsEventClassButNoFileHookgenDidNotWrite() throws Exception {
        mojo(new MavenProject()).execute();
        Path handWritten = out.resolve("com/example/hooks/HandWritten.java");
        Path notes = out.resolve("notes.txt");
        Files.writeString(handWritten, "package com.example.hooks;\nclass HandWritten {}\n");
        Files.writeString(notes, "keep me\n");
        log.clear();

        schemas.without("triggers/message_deleted.json").writeTo(schemaDir);
        mojo(new MavenProject()).execute();

        assertFalse(Files.exists(out.resolve(DELETED)), "the deleted trigger's event class is gone");
        assertTrue(Files.isRegularFile(out.resolve(SENT)));
        assertTrue(Files.isRegularFile(handWritten), "a file hookgen did not write stays");
        assertTrue(Files.isRegularFile(notes), "a file hookgen did not write stays");
        assertFalse(Files.readString(out.resolve("com/example/hooks/WebhookEvent.java")).contains("MessageDeletedEvent"));
        assertTrue(log.contains("hookgen: removed stale " + DELETED), log.toString());
        assertFalse(Files.readAllLines(out.resolve(OutputWriter.MANIFEST)).contains(DELETED));
    }

    /**
     * Each option that changes what is generated, changed after a run: the next run regenerates, and the
     * output directory then holds exactly what a first run with the new options writes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"packageName", "modelPackage", "includeTriggers", "excludeTriggers"})
    void changingAnOptionThatChangesTheOutputRegenerates(String option) throws Exception {
        mojo(new MavenProject()).execute();
        log.clear();

        GenerateMojo changed = mojo(new MavenProject());
        switch (option) {
            case "packageName" -> changed.packageName = "com.example.other";
            case "modelPackage" -> changed.modelPackage = "com.example.shapes";
            case "includeTriggers" -> changed.includeTriggers = List.of("message_sent");
            case "excludeTriggers" -> changed.excludeTriggers = List.of("message_sent");
            default -> throw new AssertionError(option);
        }
        changed.execute();

        assertFalse(log.isEmpty() || log.get(0).startsWith("hookgen: sources are up to date"), option + ": " + log);
        Path fresh = temp.resolve("fresh");
        OutputWriter.write(Generator.generate(changed.config()), fresh);
        assertEquals(tree(fresh), tree(out), option + ": the same files and folders, with the same bytes, as a first run");
    }

    @Test
    void theSameOptionsGivenAgainAreUpToDate() throws Exception {
        GenerateMojo first = mojo(new MavenProject());
        first.modelPackage = "com.example.shapes";
        first.includeTriggers = List.of("message_*");
        first.excludeTriggers = List.of("message_deleted");
        first.execute();
        log.clear();

        GenerateMojo again = mojo(new MavenProject());
        again.modelPackage = "com.example.shapes";
        again.includeTriggers = List.of("message_*");
        again.excludeTriggers = List.of("message_deleted");
        again.execute();

        assertEquals(List.of("hookgen: sources are up to date with " + schemaDir), log);
    }

    @Test
    void aWriteThatFailsLeavesNoStampSoTheNextRunWritesAgain() throws Exception {
        mojo(new MavenProject()).execute();
        schemas.replace("definitions/user.json", "\"description\": \"The user's role.\"", "\"description\": \"What the user may do.\"")
                .writeTo(schemaDir);
        Path blocked = out.resolve("com/example/hooks/model/User.java");
        Files.delete(blocked);
        Files.createDirectories(blocked.resolve("in-the-way"));

        assertThrows(MojoExecutionException.class, () -> mojo(new MavenProject()).execute());

        assertFalse(Files.exists(out.resolve(InputStamp.FILE)), "no stamp claims the half-written sources are up to date");
    }

    @Test
    void skipAddsTheSourceRootAndGeneratesNothing() throws Exception {
        MavenProject project = new MavenProject();
        GenerateMojo mojo = mojo(project);
        mojo.skip = true;
        mojo.execute();

        assertFalse(Files.exists(out));
        assertEquals(List.of(out.toString()), project.getCompileSourceRoots());
        assertEquals(List.of("hookgen: skipped"), log);
    }

    @Test
    void aBadSchemaFailsTheBuildWithTheSchemaMessage() throws IOException {
        schemas.replace("triggers/message_sent.json", "\"../definitions/message-event-data.json\"", "\"../definitions/mesage.json\"")
                .writeTo(schemaDir);
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo(new MavenProject()).execute());
        assertEquals("hookgen: schema triggers/message_sent.json: /properties/data: $ref \"../definitions/mesage.json\" not found",
                e.getMessage());
        assertFalse(Files.exists(out.resolve(InputStamp.FILE)), "a failed run leaves no stamp");
    }

    private GenerateMojo mojo(MavenProject project) {
        GenerateMojo mojo = new GenerateMojo();
        mojo.schemaDirectory = schemaDir.toFile();
        mojo.packageName = SchemaDirectory.PACKAGE;
        mojo.outputDirectory = out.toFile();
        mojo.project = project;
        mojo.setLog(new RecordingLog(log));
        return mojo;
    }

    /** Every file below {@code root} but the stamp, by relative path, with its text, and every folder ({@code name/}). */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> !p.equals(root)).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (Files.isDirectory(file)) {
                    files.put(name + "/", "");
                } else if (!name.equals(InputStamp.FILE)) {
                    files.put(name, Files.readString(file));
                }
            }
        }
        return files;
    }

    private List<String> javaFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
