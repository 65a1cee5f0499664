package dev.hookgen.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The {@code hookgen-schemas} jar's resources ({@code hookgen/schemas/...}), from the benchmark jar or a folder. */
final class SchemaResources {

    private static final String ROOT = "hookgen/schemas/";

    private SchemaResources() {}

    static byte[] read(String name) {
        InputStream in = SchemaResources.class.getClassLoader().getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IllegalStateException("no resource " + ROOT + name + " on the class path (from hookgen-schemas)");
        }
        try {
            return Payloads.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + name, e);
        }
    }

    /** Copies {@code definitions/} and {@code triggers/} to {@code target}, which then is a schema directory. */
    static void copySchemas(Path target) throws IOException {
        Path root = root();
        for (String folder : List.of("definitions", "triggers")) {
            Path to = Files.createDirectories(target.resolve(folder));
            for (Path file : list(root.resolve(folder))) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }

    /** The {@code .json} files of a folder, sorted. */
    static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
    }

    private static Path root() throws IOException {
        URL anchor = SchemaResources.class.getClassLoader().getResource(ROOT + "triggers/message_sent.json");
        if (anchor == null) {
            throw new IllegalStateException("no hookgen-schemas on the class path");
        }
        try {
            URI uri = anchor.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return jar.getPath("/" + ROOT);
            }
            return Path.of(uri).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + anchor, e);
        }
    }
}
