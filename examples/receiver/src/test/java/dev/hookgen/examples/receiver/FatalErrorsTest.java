package dev.hookgen.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Out of memory, the receiver ends its process (status 3) rather than live on deaf: in a JVM of its own, with 64 MB. */
class FatalErrorsTest {

    private static final List<String> SMALL_HEAP = List.of("-Xmx64m");

    @TempDir
    Path dir;

    @Test
    void outOfMemoryWhileHandlingARequestEndsTheProcessWithStatus3() throws Exception {
        try (ChildJvm receiver = ChildJvm.start(SMALL_HEAP, OutOfMemoryReceiver.class, List.of("request", dir.toString()), Map.of())) {
            String started = receiver.nextLine(20);
            assertTrue(started.startsWith("listening on http://127.0.0.1:"), started);
            URI endpoint = URI.create(started.substring("listening on ".length()));
            HttpRequest post = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                    .header("Authorization", TestReceiver.basic(TestReceiver.USER, TestReceiver.PASSWORD))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.get("message_sent.json"))).build();
            assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString()),
                    "no answer: the process is gone");
            List<String> rest = receiver.awaitExit(20);
            assertEquals(3, receiver.process.exitValue(), rest.toString());
            assertTrue(rest.stream().anyMatch(line -> line.matches("receiver: java\\.lang\\.OutOfMemoryError: Java heap space in thread "
                    + "hookgen-http-\\d+; exiting with status 3 so that a supervisor restarts the receiver")), rest.toString());
        }
    }

    @Test
    void outOfMemoryInAnyOtherThreadEndsTheProcessToo() throws Exception {
        try (ChildJvm process = ChildJvm.start(SMALL_HEAP, OutOfMemoryReceiver.class, List.of("thread"), Map.of())) {
            List<String> output = process.awaitExit(25);
            assertEquals(3, process.process.exitValue(), output.toString());
            assertEquals(List.of("receiver: java.lang.OutOfMemoryError: Java heap space in thread filler; "
                    + "exiting with status 3 so that a supervisor restarts the receiver"), output);
        }
    }
}
