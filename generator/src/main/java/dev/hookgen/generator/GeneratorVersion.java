package dev.hookgen.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.JavaFile;
import com.sun.codemodel.JCodeModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.jsonschema2pojo.SchemaMapper;

/**
 * The generator's own version, and a fingerprint of its code and of the libraries that write its
 * output: part of the plugin's input hash, so that a new generator regenerates even while its version
 * stays a {@code -SNAPSHOT}.
 */
public final class GeneratorVersion {

    /**
     * The code whose change can change the output: the generator's own, and the libraries that write
     * it (jsonschema2pojo and its code model, JavaPoet, and Jackson, which reads the schemas), so that
     * a changed dependency regenerates too, even under an unchanged version.
     */
    private static final List<Class<?>> OUTPUT_CODE = List.of(GeneratorVersion.class, SchemaMapper.class, JCodeModel.class,
            JavaFile.class, ObjectMapper.class);

    private static final String VERSION = load();
    private static volatile String fingerprint;

    private GeneratorVersion() {}

    /** The version Maven built, such as {@code 0.1.0}. */
    public static String get() {
        return VERSION;
    }

    /** The version and a SHA-256 of the code that writes the output (jars, or class folders). */
    public static String fingerprint() {
        String value = fingerprint;
        if (value == null) {
            value = VERSION + "+" + codeDigest();
            fingerprint = value;
        }
        return value;
    }

    private static String codeDigest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Set<Path> seen = new LinkedHashSet<>();
            for (Class<?> type : OUTPUT_CODE) {
                CodeSource source = type.getProtectionDomain().getCodeSource();
                if (source == null || source.getLocation() == null) {
                    return "unknown";
                }
                Path code = Path.of(source.getLocation().toURI());
                if (seen.add(code)) {
                    digest(sha, code);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the generator's code", e);
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException | NoSuchAlgorithmException e) {
            return "unknown";
        }
    }

    /** A jar's bytes, or a class folder's file names and bytes. */
    private static void digest(MessageDigest sha, Path code) throws IOException {
        if (Files.isDirectory(code)) {
            List<Path> classes;
            try (Stream<Path> walk = Files.walk(code)) {
                classes = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : classes) {
                sha.update(code.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
        } else {
            sha.update(Files.readAllBytes(code));
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
