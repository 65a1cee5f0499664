package dev.hookgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookgen.runtime.EventReader;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources in-process, the way a user's build would, with every lint enabled and
 * warnings as errors, against exactly what the generated jar depends on at run time: hookgen-runtime and Jackson.
 */
public final class JavaCompilation {

    /** The options the issue sets for generated code: every lint, warnings fail, Java 17. */
    public static final List<String> OPTIONS = List.of("-Xlint:all", "-Werror", "--release", "17", "-proc:none");

    private JavaCompilation() {}

    /** What javac said, and where the classes went. */
    public record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes) {

        /** The diagnostics, one per line, for an assertion message. */
        public String report() {
            return diagnostics.stream()
                    .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber())
                            + " " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
        }

        /** Fails unless javac succeeded without a single diagnostic (not even a note). */
        public void assertClean() {
            assertEquals(List.of(), diagnostics.stream().map(d -> d.getMessage(Locale.ROOT)).toList(), report());
            assertEquals(true, success, report());
        }

        /** A class loader over the compiled classes, delegating to the test's own (so the runtime and Jackson are shared). */
        public URLClassLoader loader() {
            try {
                return new URLClassLoader(new URL[] {classes.toUri().toURL()}, JavaCompilation.class.getClassLoader());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Compiles every {@code .java} file below {@code sources} into {@code classes}. */
    public static Result compile(Path sources, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests need a JDK, not a JRE");
        List<File> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().map(Path::toFile).toList();
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = Stream.concat(OPTIONS.stream(),
                    Stream.of("-classpath", runtimeClassPath(), "-d", classes.toString(), "-encoding", "UTF-8")).toList();
            StringWriter out = new StringWriter();
            boolean success = javac.getTask(out, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromFiles(files)).call();
            return new Result(success, diagnostics.getDiagnostics(), classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** hookgen-runtime, jackson-annotations, -core and -databind: the jars the generated code may use, and nothing else. */
    private static String runtimeClassPath() {
        return Stream.of(EventReader.class, JsonProperty.class, JsonParser.class, ObjectMapper.class)
                .map(JavaCompilation::location)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
