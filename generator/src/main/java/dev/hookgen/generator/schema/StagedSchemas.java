package dev.hookgen.generator.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One schema directory made of several sources, for as long as a command runs: a single folder is read
 * where it is; a jar, or more than one source, is put together ({@link SchemaSources#stage}, later sources on
 * top) in a temporary folder that {@link #close()} removes.
 */
public final class StagedSchemas implements AutoCloseable {

    private final Path directory;
    private final boolean temporary;

    private StagedSchemas(Path directory, boolean temporary) {
        this.directory = directory;
        this.temporary = temporary;
    }

    /**
     * The schema directory of {@code sources}, folders or jars, in order.
     *
     * @throws SchemaException when a source is neither a folder nor a jar with {@value SchemaSources#JAR_ROOT}/
     * @throws IllegalArgumentException when there is no source
     */
    public static StagedSchemas of(List<Path> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no schema source");
        }
        if (sources.size() == 1 && !Files.isRegularFile(sources.get(0))) {
            return new StagedSchemas(sources.get(0), false);
        }
        Path staged;
        try {
            staged = Files.createTempDirectory("hookgen-schemas");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder to put the schemas together: " + e.getMessage(), e);
        }
        StagedSchemas schemas = new StagedSchemas(staged, true);
        try {
            SchemaSources.stage(sources, staged);
        } catch (RuntimeException e) {
            schemas.close();
            throw e;
        }
        return schemas;
    }

    /** The schema directory: {@code definitions/}, {@code triggers/}, {@code samples/}. */
    public Path directory() {
        return directory;
    }

    /** Removes the temporary folder, if there is one. */
    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory + ": " + e.getMessage(), e);
        }
    }
}
