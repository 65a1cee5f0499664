package dev.hookgen.generator.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The record, beside the generated sources, of the inputs they were generated from: an
 * {@link InputFingerprint} in {@value #FILE}. Sources are up to date when the stamp matches and
 * every file the {@link OutputWriter#MANIFEST manifest} lists is still there.
 */
public final class InputStamp {

    /** The stamp's file name in the output directory. */
    public static final String FILE = ".hookgen-inputs.sha256";

    private InputStamp() {}

    /** Whether the sources in {@code outputDirectory} were generated from inputs with this fingerprint, and are all there. */
    public static boolean matches(Path outputDirectory, String fingerprint) throws IOException {
        Path stamp = outputDirectory.resolve(FILE);
        Path manifest = outputDirectory.resolve(OutputWriter.MANIFEST);
        if (!Files.exists(stamp) || !Files.exists(manifest)
                || !Files.readString(stamp, StandardCharsets.UTF_8).trim().equals(fingerprint)) {
            return false;
        }
        for (String file : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (!file.isBlank() && !Files.exists(outputDirectory.resolve(file))) {
                return false;
            }
        }
        return true;
    }

    /** Removes the record, before sources are written: a write that fails halfway must not look up to date. */
    public static void clear(Path outputDirectory) throws IOException {
        Files.deleteIfExists(outputDirectory.resolve(FILE));
    }

    /** Records that the sources in {@code outputDirectory} now match {@code fingerprint}. */
    public static void write(Path outputDirectory, String fingerprint) throws IOException {
        Files.writeString(outputDirectory.resolve(FILE), fingerprint + "\n", StandardCharsets.UTF_8);
    }
}
