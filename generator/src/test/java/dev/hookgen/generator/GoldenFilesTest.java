package dev.hookgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.generator.output.GeneratedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: each case under {@code src/test/resources/golden/<case>/} has a small schema set in
 * {@code schemas/} and, in {@code expected/}, every file the generator makes from it, compared whole.
 *
 * <p>After a deliberate change to what the generator emits, run
 * {@code mvn -pl generator test -Dtest=GoldenFilesTest -Dgolden.update=true}: the expected files are
 * rewritten (and stale ones deleted) instead of compared, and the diff is reviewed like code.
 */
class GoldenFilesTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    static final String SMALL_PACKAGE = "com.example.hooks";
    private static final boolean UPDATE = Boolean.parseBoolean(System.getProperty("golden.update"));

    /** The JavaPoet files must be among the expected ones: the golden case exists to cover them. */
    private static final List<String> JAVAPOET_FILES = List.of(
            "com/example/hooks/WebhookEvent.java",
            "com/example/hooks/Trigger.java",
            "com/example/hooks/WebhookHandler.java",
            "com/example/hooks/WebhookDispatcher.java",
            "com/example/hooks/UnknownEvent.java",
            "com/example/hooks/WebhookParser.java",
            "com/example/hooks/WebhookEvents.java",
            "com/example/hooks/model/EntityRef.java");

    @TestFactory
    Stream<DynamicTest> small() throws IOException {
        return golden("small", SMALL_PACKAGE);
    }

    private static Stream<DynamicTest> golden(String name, String apiPackage) throws IOException {
        Path root = GOLDEN.resolve(name);
        Path expectedDir = root.resolve("expected");
        GeneratedFiles generated = Generator.generate(new GeneratorConfig(root.resolve("schemas"), apiPackage));
        Map<String, byte[]> actual = generated.asMap();
        TreeSet<String> expected = expectedFiles(expectedDir);
        if (UPDATE) {
            for (String stale : expected) {
                if (!actual.containsKey(stale)) {
                    Files.delete(expectedDir.resolve(stale));
                }
            }
            for (Map.Entry<String, byte[]> file : actual.entrySet()) {
                Path target = expectedDir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            expected = expectedFiles(expectedDir);
        }
        List<DynamicTest> tests = new ArrayList<>();
        TreeSet<String> expectedPaths = expected;
        tests.add(DynamicTest.dynamicTest(name + ": the same files", () -> {
            assertEquals(String.join("\n", expectedPaths), String.join("\n", actual.keySet()),
                    "generated files differ from " + expectedDir + " (rewrite with -Dgolden.update=true)");
            assertTrue(expectedPaths.containsAll(JAVAPOET_FILES), "every JavaPoet emitter is covered");
        }));
        for (String path : expected) {
            tests.add(DynamicTest.dynamicTest(name + ": " + path, () -> {
                String want = Files.readString(expectedDir.resolve(path), StandardCharsets.UTF_8);
                assertTrue(actual.containsKey(path), path + " is no longer generated");
                assertEquals(want, generated.content(path), path + " (rewrite with -Dgolden.update=true)");
            }));
        }
        return tests.stream();
    }

    private static TreeSet<String> expectedFiles(Path dir) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .forEach(files::add);
        }
        return files;
    }
}
