package dev.hookgen.generator.output;

import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.schema.SchemaSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 of everything a run's output depends on: the generator's version, the configuration,
 * and the name and bytes of every schema file. Equal fingerprints mean the output would be equal.
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
        update(sha, "package " + config.apiPackage());
        Path root = config.schemaDirectory().toAbsolutePath().normalize();
        for (String folder : SchemaSet.FOLDERS) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> sorted = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
                for (Path file : sorted) {
                    update(sha, folder + "/" + file.getFileName());
                    byte[] bytes = Files.readAllBytes(file);
                    update(sha, Integer.toString(bytes.length));
                    sha.update(bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir, e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }
}
