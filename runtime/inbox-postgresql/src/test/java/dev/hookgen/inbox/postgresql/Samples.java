package dev.hookgen.inbox.postgresql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The sample payloads from the {@code cometchat-webhooks:samples} test jar, as a user's own tests
 * would read them: {@code /samples/*.json} on the class path; and distinct deliveries made from them.
 */
public final class Samples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {
    }

    /** Every sample, by file name, sorted. */
    public static synchronized Map<String, byte[]> all() {
        if (all == null) {
            all = Collections.unmodifiableMap(load());
        }
        return all;
    }

    private static Map<String, byte[]> all;

    private static Map<String, byte[]> load() {
        URL one = Samples.class.getResource("/samples/message_sent.json");
        if (one == null) {
            throw new IllegalStateException("the samples jar (cometchat-webhooks, classifier samples) is not on the class path");
        }
        try {
            URI uri = one.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(jar.getPath("/samples"));
                }
            }
            return read(Path.of(uri).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] get(String name) {
        byte[] sample = all().get(name);
        if (sample == null) {
            throw new IllegalArgumentException("no sample " + name);
        }
        return sample;
    }

    /**
     * The sample as another delivery: the same event from another webhook ({@code webhook}, a part of every trigger's
     * idempotency key), so that each {@code n} is a distinct event.
     */
    public static byte[] distinct(String name, String webhook) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(get(name));
            event.put("webhook", webhook);
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> read(Path directory) throws IOException {
        Map<String, byte[]> samples = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json")) {
                    samples.put(name, Files.readAllBytes(file));
                }
            }
        }
        return samples;
    }
}
