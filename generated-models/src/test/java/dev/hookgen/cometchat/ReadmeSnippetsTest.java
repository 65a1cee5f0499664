package dev.hookgen.cometchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Using the jar" snippets compile against the jar as they are printed: each becomes the body of a
 * method whose class has the variables and helpers the prose assumes ({@code body}, {@code event},
 * {@code message}, {@code log}, {@code index(...)}, ...), with the imports the snippet shows plus the jar's
 * packages. A snippet with Java 21 patterns is compiled with a JDK 21+ when there is one.
 */
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    static List<String> snippets() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("hookgen.readme", "../README.md")), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Using the jar");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        List<String> snippets = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(section);
        while (block.find()) {
            snippets.add(block.group(1));
        }
        return snippets;
    }

    private static String source(String className, String snippet) {
        StringBuilder imports = new StringBuilder();
        StringBuilder statements = new StringBuilder();
        snippet.lines().forEach(line -> (line.startsWith("import ") ? imports : statements).append(line).append('\n'));
        return imports + """
                import dev.hookgen.cometchat.*;
                import dev.hookgen.cometchat.model.*;
                import dev.hookgen.runtime.*;

                @SuppressWarnings("unused")
                final class %s {
                    WebhookEvent event;
                    Message message;
                    final Log log = new Log();

                    static final class Log {
                        void info(String format, Object... values) {}
                        void warn(String format, Object... values) {}
                    }

                    void index(Object value) {}
                    void welcome(Object value) {}
                    void bill(Object value) {}
                    void deadLetter(Object value) {}

                    void run(byte[] body) throws Exception {
                %s
                    }
                }
                """.formatted(className, statements);
    }

    /** The snippets, written as classes: those that need Java 21 ({@code case Type name ->}) or not. */
    private List<Path> write(boolean java21) throws IOException {
        List<String> snippets = snippets();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            if (snippets.get(i).matches("(?s).*\\bcase \\w+ \\w+ ->.*") == java21) {
                Path file = dir.resolve("src/Snippet" + i + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source("Snippet" + i, snippets.get(i)), StandardCharsets.UTF_8);
                files.add(file);
            }
        }
        return files;
    }

    @Test
    void theSnippetsCompileOnJava17() throws IOException {
        List<Path> files = write(false);
        assertTrue(files.size() >= 3, "the section's snippets were found: " + files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter output = new StringWriter();
        List<String> options = List.of("--release", "17", "-proc:none", "-cp", System.getProperty("java.class.path"),
                "-d", dir.resolve("classes").toString());
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean compiled = javac.getTask(output, fileManager, null, options, null, fileManager.getJavaFileObjectsFromPaths(files)).call();
            assertTrue(compiled, output.toString());
        }
    }

    @Test
    void theJava21SnippetCompilesWithAJdk21() throws IOException, InterruptedException {
        List<Path> files = write(true);
        assertEquals(1, files.size(), "the switch snippet was found");
        Path javac = Jdk21.javac().orElse(null);
        assumeTrue(javac != null, "no JDK 21 or newer on this machine");
        List<String> command = new ArrayList<>(List.of(javac.toString(), "--release", "21", "-proc:none",
                "-cp", System.getProperty("java.class.path"), "-d", dir.resolve("classes21").toString()));
        files.forEach(file -> command.add(file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "javac finished");
        assertEquals(0, process.exitValue(), output);
    }
}
