package dev.hookgen.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The generator's own version, and a fingerprint of its code: part of the plugin's input hash, so
 * that a new generator regenerates even while its version stays a {@code -SNAPSHOT}.
 */
public final class GeneratorVersion {

    private static final String VERSION = load();
    private static volatile String fingerprint;

    private GeneratorVersion() {}

    /** The version Maven built, such as {@code 0.1.0}. */
    public static String get() {
        return VERSION;
    }

    /** The version and a SHA-256 of the generator's classes (its jar, or its class folder). */
    public static String fingerprint() {
        String value = fingerprint;
        if (value == null) {
            value = VERSION + "+" + codeDigest();
            fingerprint = value;
        }
        return value;
    }

    private static String codeDigest() {
        CodeSource source = GeneratorVersion.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return "unknown";
        }
        try {
            Path code = Path.of(source.getLocation().toURI());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(code)) {
                List<Path> classes;
                try (Stream<Path> walk = Files.walk(code)) {
                    classes = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : classes) {
                    sha.update(code.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(file));
                }
            } else {
                sha.update(Files.readAllBytes(code));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the generator's code", e);
        } catch (URISyntaxException | IllegalArgumentException | NoSuchAlgorithmException e) {
            return "unknown";
        }
    }

    private static String load() {
        try (InputStream in = GeneratorVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
