package dev.hookgen.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The generator's own version; part of the plugin's input hash, so that a new generator regenerates. */
public final class GeneratorVersion {

    private static final String VERSION = load();

    private GeneratorVersion() {}

    public static String get() {
        return VERSION;
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
