package dev.hookgen.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.runtime.receiver.Credentials;
import dev.hookgen.runtime.receiver.DeadLetters;
import dev.hookgen.runtime.receiver.EventHandler;
import dev.hookgen.runtime.receiver.WebhookReceiver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** A receiver served on 127.0.0.1 on a free port, writing into a temporary folder, with a client for it. */
final class TestReceiver implements AutoCloseable {

    static final String USER = "cometchat";
    static final String PASSWORD = "s3cret-pw";
    static final String ROTATED_USER = "cometchat";
    static final String ROTATED_PASSWORD = "n3w-pw";

    final Path events;
    final Path dead;
    final JsonLinesHandler lines;
    final WebhookReceiver<WebhookEvent> receiver;
    final HttpReceiverServer server;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Writes events with a JSON Lines handler. */
    TestReceiver(Path dir) throws IOException {
        this(dir, lines -> lines, WebhookReceiver.DEFAULT_MAX_BODY_BYTES);
    }

    /** The command's limits, with 5 seconds of grace. */
    static final ServerLimits LIMITS = ServerLimits.defaults().withGracePeriod(Duration.ofSeconds(5));

    /**
     * @param handler builds the handler around the JSON Lines one
     */
    TestReceiver(Path dir, Function<JsonLinesHandler, EventHandler<WebhookEvent>> handler, int maxBodyBytes) throws IOException {
        this(dir, handler, maxBodyBytes, LIMITS);
    }

    /** Served with other limits (shorter timeouts, fewer connections). */
    TestReceiver(Path dir, ServerLimits limits) throws IOException {
        this(dir, lines -> lines, WebhookReceiver.DEFAULT_MAX_BODY_BYTES, limits);
    }

    TestReceiver(Path dir, Function<JsonLinesHandler, EventHandler<WebhookEvent>> handler, int maxBodyBytes, ServerLimits limits)
            throws IOException {
        events = dir.resolve("events.jsonl");
        dead = dir.resolve("dead");
        lines = JsonLinesHandler.open(events, true);
        EventHandler<WebhookEvent> chain = handler.apply(lines);
        receiver = WebhookReceiver.builder(WebhookEvents.parser())
                .credentials(List.of(new Credentials(USER, PASSWORD), new Credentials(ROTATED_USER, ROTATED_PASSWORD)))
                .maxBodyBytes(maxBodyBytes)
                .deadLetters(new DeadLetters(dead))
                .handler(chain)
                .build();
        server = HttpReceiverServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                HttpReceiverServer.DEFAULT_PATH, receiver, limits, log::add);
    }

    URI endpoint() {
        return server.endpoint();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder post(byte[] body) {
        return HttpRequest.newBuilder(endpoint())
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", basic(USER, PASSWORD))
                .header("Content-Type", "Application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String sampleName) throws IOException, InterruptedException {
        return send(post(Samples.get(sampleName)).build());
    }

    /**
     * The log once it has {@code count} lines: a line is written after the response went out, so
     * the client may see the answer first.
     */
    List<String> log(int count) throws InterruptedException {
        for (int i = 0; i < 250 && log.size() < count; i++) {
            Thread.sleep(20);
        }
        return List.copyOf(log);
    }

    /**
     * Waits for {@code patterns.length} log lines and asserts that each pattern (a regular expression) matches exactly
     * one of them, in any order: a request's line is written once its answer is on its way, so a client that has read
     * the answer and sent its next request (on this connection or another) can see the next line logged first.
     *
     * @return the lines, in the order they were logged
     */
    List<String> assertLog(String... patterns) throws InterruptedException {
        List<String> lines = log(patterns.length);
        assertEquals(patterns.length, lines.size(), "log lines: " + lines);
        for (String pattern : patterns) {
            assertEquals(1, lines.stream().filter(line -> line.matches(pattern)).count(), pattern + " in " + lines);
        }
        return lines;
    }

    List<String> lines() throws IOException {
        return Files.exists(events) ? Files.readAllLines(events, StandardCharsets.UTF_8) : List.of();
    }

    List<Path> deadLetters() throws IOException {
        try (Stream<Path> files = Files.list(dead)) {
            return files.sorted().toList();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        lines.close();
    }
}
