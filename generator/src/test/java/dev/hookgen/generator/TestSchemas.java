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

    /** A file of {@code src/test/resources}. */
    public static Path resource(String name) {
        try {
            return Path.of(TestSchemas.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("no test resource " + name, e);
        }
    }
}
