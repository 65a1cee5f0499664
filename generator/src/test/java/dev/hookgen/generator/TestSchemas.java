package dev.hookgen.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project's schema directory ({@code ../schemas}, set by surefire as {@code hookgen.schemas}) and copies of it. */
public final class TestSchemas {

    private TestSchemas() {}

    public static Path directory() {
        String configured = System.getProperty("hookgen.schemas");
        Path dir = Path.of(configured == null || configured.isBlank() ? "../schemas" : configured).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("triggers"))) {
            throw new IllegalStateException("no schema directory at " + dir);
        }
        return dir;
    }

    /** Copies definitions/, triggers/ and samples/ of the project's schemas into {@code target}. */
    public static Path copyTo(Path target) {
        for (String folder : List.of("definitions", "triggers", "samples")) {
            Path from = directory().resolve(folder);
            Path to = target.resolve(folder);
            try (Stream<Path> files = Files.list(from)) {
                Files.createDirectories(to);
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(file.getFileName().toString()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return target;
    }

    /**
     * Copies the project's schemas into {@code target} without the triggers named (their schemas and
     * samples), if the project has them: tests that scaffold a trigger the project does not have stay
     * true after a user scaffolds one of that name.
     */
    public static Path copyWithout(Path target, String... wireNames) {
        copyTo(target);
        for (String wire : wireNames) {
            try (Stream<Path> samples = Files.list(target.resolve("samples"))) {
                Files.deleteIfExists(target.resolve("triggers/" + wire + ".json"));
                for (Path sample : samples.toList()) {
                    String name = sample.getFileName().toString();
                    if (name.equals(wire + ".json") || name.startsWith(wire + ".")) {
                        Files.delete(sample);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return target;
    }

    /** A file of {@code src/test/resources}. */
    public static Path resource(String name) {
        try {
            return Path.of(TestSchemas.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("no test resource " + name, e);
        }
    }
}
