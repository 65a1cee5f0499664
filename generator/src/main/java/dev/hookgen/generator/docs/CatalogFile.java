package dev.hookgen.generator.docs;

import dev.hookgen.generator.schema.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The catalog on disk ({@code EVENTS.md}): rendered from a {@link Catalog} and written when it
 * differs, or only compared. The CLI's {@code catalog} command and the {@code hookgen:catalog} goal
 * both call this and only report the {@link Status}.
 */
public final class CatalogFile {

    /** What {@link #write} or {@link #check} found. */
    public enum Status {
        /** {@link #write}: the file already held the rendered catalog; not touched. */
        UNCHANGED,
        /** {@link #write}: the file was missing or different, and now holds the rendered catalog. */
        WRITTEN,
        /** {@link #check}: the file holds the rendered catalog. */
        UP_TO_DATE,
        /** {@link #check}: there is no file. */
        MISSING,
        /** {@link #check}: the file differs from the rendered catalog. */
        OUT_OF_DATE
    }

    private CatalogFile() {}

    /** Renders the catalog into {@code file}, leaving an identical file alone. */
    public static Status write(Catalog catalog, Path file) {
        String rendered = EventsCatalog.render(catalog);
        if (rendered.equals(read(file))) {
            return Status.UNCHANGED;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, rendered, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return Status.WRITTEN;
    }

    /** Compares {@code file} with the rendered catalog; writes nothing. */
    public static Status check(Catalog catalog, Path file) {
        String current = read(file);
        if (current == null) {
            return Status.MISSING;
        }
        return EventsCatalog.render(catalog).equals(current) ? Status.UP_TO_DATE : Status.OUT_OF_DATE;
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
