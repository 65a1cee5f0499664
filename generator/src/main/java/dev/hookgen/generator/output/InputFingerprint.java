package dev.hookgen.generator.output;

import dev.hookgen.generator.GeneratorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 of everything a run's output depends on: the generator (its version and code), every
 * setting of the {@link GeneratorConfig} but the schema directory's location (the API package, the
 * model package, which moves every relocated {@code javaType}, and the trigger selection), and the
 * name and bytes of every {@code .json} file below the schema directory, in any folder, since a
 * {@code $ref} may reach any of them. When the plugin stages several sources ({@code schemaArtifacts}
 * and the project's own folder), the directory is the staged one, so every source's bytes count.
 * Equal fingerprints mean the output would be equal; the location alone does not change it, since the
 * output names no path.
 */
public final class InputFingerprint {

    private InputFingerprint() {}

    public static String of(GeneratorConfig config, String generatorVersion) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        update(sha, "hookgen " + generatorVersion);
        update(sha, "apiPackage " + config.apiPackage());
        update(sha, "modelPackage " + config.modelPackage());
        update(sha, "includeTriggers " + list(config.triggers().includes()));
        update(sha, "excludeTriggers " + list(config.triggers().excludes()));
        Path root = config.schemaDirectory().toAbsolutePath().normalize();
        for (Path file : schemaFiles(root)) {
            List<String> parts = new ArrayList<>();
            root.relativize(file).forEach(part -> parts.add(part.toString()));
            update(sha, "file " + String.join("/", parts));
            try {
                byte[] bytes = Files.readAllBytes(file);
                update(sha, Integer.toString(bytes.length));
                sha.update(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Every {@code .json} file below {@code root}, at any depth, in path order. */
    private static List<Path> schemaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** A list as one unambiguous line: each item's length before it. */
    private static String list(List<String> items) {
        StringBuilder out = new StringBuilder().append(items.size());
        items.forEach(item -> out.append(' ').append(item.length()).append(':').append(item));
        return out.toString();
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }
}
