package dev.hookgen.generator.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Puts several schema sources together into one schema directory, in order: a folder laid out as
 * {@code definitions/}, {@code triggers/}, {@code samples/}, or a jar that holds those folders under
 * {@value #JAR_ROOT} (as {@code dev.hookgen:hookgen-schemas} does). A file of a later source replaces the
 * file of the same name of an earlier one, so a service's own folder, listed last, can add triggers to
 * CometChat's published schemas, or replace one of them, without copying the rest. {@code $ref}s between
 * sources resolve because they all end up side by side.
 */
public final class SchemaSources {

    /** Where a jar keeps its schema directory. */
    public static final String JAR_ROOT = "hookgen/schemas";

    /** The folders taken from each source. */
    public static final List<String> FOLDERS = List.of("definitions", "triggers", "samples");

    /** A file of an earlier source that a later one replaced. */
    public record Replaced(String file, String by) {}

    private SchemaSources() {}

    /**
     * Writes the union of {@code sources} to {@code target} (files whose bytes are unchanged are not
     * rewritten; files no source has any more are removed) and says which files were replaced.
     */
    public static List<Replaced> stage(List<Path> sources, Path target) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Replaced> replaced = new ArrayList<>();
        for (Path source : sources) {
            read(source, (name, bytes) -> {
                if (files.put(name, bytes) != null) {
                    replaced.add(new Replaced(name, source.toString()));
                }
            });
        }
        try {
            for (String folder : FOLDERS) {
                Path dir = target.resolve(folder);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> list = Files.list(dir)) {
                        for (Path old : list.sorted().toList()) {
                            if (!files.containsKey(folder + "/" + old.getFileName())) {
                                Files.delete(old);
                            }
                        }
                    }
                }
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = target.resolve(file.getKey());
                if (!Files.exists(path) || !Arrays.equals(Files.readAllBytes(path), file.getValue())) {
                    Files.createDirectories(path.getParent());
                    Files.write(path, file.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the schemas in " + target + ": " + e.getMessage(), e);
        }
        return replaced;
    }

    private interface FileConsumer {
        void accept(String name, byte[] bytes);
    }

    private static void read(Path source, FileConsumer out) {
        if (Files.isDirectory(source)) {
            copyFolders(source, source.toString(), out);
            return;
        }
        if (!Files.isRegularFile(source)) {
            throw new SchemaException("source " + source, null, "neither a schema directory nor a jar");
        }
        try (FileSystem jar = FileSystems.newFileSystem(source)) {
            Path root = jar.getPath(JAR_ROOT);
            if (!Files.isDirectory(root)) {
                throw new SchemaException("source " + source, null, "the jar has no " + JAR_ROOT + "/ folder");
            }
            copyFolders(root, source.toString(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static void copyFolders(Path root, String source, FileConsumer out) {
        for (String folder : FOLDERS) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> list = Files.list(dir)) {
                TreeSet<String> names = new TreeSet<>();
                list.filter(p -> p.getFileName().toString().endsWith(".json")).forEach(p -> names.add(p.getFileName().toString()));
                for (String name : names) {
                    out.accept(folder + "/" + name, Files.readAllBytes(dir.resolve(name)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
            }
        }
    }
}
