package dev.hookgen.generator.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes generated files below an output directory, and removes what an earlier run wrote that
 * this one did not (a deleted schema's classes, a moved package's), with the folders that are left
 * empty. It knows what it wrote from a manifest beside the sources, so it never deletes a file it did
 * not write. Files whose bytes are unchanged are not rewritten.
 */
public final class OutputWriter {

    /** The list of files the last run wrote, relative to the output directory. */
    public static final String MANIFEST = ".hookgen-files";

    private OutputWriter() {}

    /** What one write did. */
    public record Result(int written, int unchanged, List<String> removed) {}

    public static Result write(GeneratedFiles files, Path outputDirectory) {
        try {
            Files.createDirectories(outputDirectory);
            Path manifest = outputDirectory.resolve(MANIFEST);
            TreeSet<String> previous = new TreeSet<>();
            if (Files.exists(manifest)) {
                Files.readAllLines(manifest, StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank()).forEach(previous::add);
            }
            int written = 0;
            int unchanged = 0;
            for (Map.Entry<String, byte[]> file : files.asMap().entrySet()) {
                Path target = outputDirectory.resolve(file.getKey());
                if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), file.getValue())) {
                    unchanged++;
                } else {
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.getValue());
                    written++;
                }
            }
            List<String> removed = new ArrayList<>();
            for (String stale : previous) {
                if (!files.asMap().containsKey(stale)) {
                    Path target = outputDirectory.resolve(stale).normalize();
                    if (target.startsWith(outputDirectory) && Files.deleteIfExists(target)) {
                        removed.add(stale);
                        deleteEmptyParents(target.getParent(), outputDirectory);
                    }
                }
            }
            Files.write(manifest, String.join("\n", files.asMap().keySet()).concat("\n").getBytes(StandardCharsets.UTF_8));
            return new Result(written, unchanged, removed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated sources to " + outputDirectory, e);
        }
    }

    /** Removes {@code folder} and its parents below {@code root} while they are empty (a package no class is in any more). */
    private static void deleteEmptyParents(Path folder, Path root) throws IOException {
        for (Path dir = folder; dir != null && dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(dir);
        }
    }
}
