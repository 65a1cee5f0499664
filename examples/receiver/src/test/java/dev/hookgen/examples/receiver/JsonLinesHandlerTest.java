package dev.hookgen.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hookgen.cometchat.WebhookEvents;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aLineTornByACrashStaysOnItsOwnLineAndTheNextEventStartsAFreshOne() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, "{\"trigger\":\"message_sent\",\"data\":{\"mess", StandardCharsets.UTF_8);
        try (JsonLinesHandler handler = JsonLinesHandler.open(file, true)) {
            handler.handle(WebhookEvents.parse(Samples.get("user_blocked.json")));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertEquals("{\"trigger\":\"message_sent\",\"data\":{\"mess", lines.get(0));
        assertEquals("user_blocked", WebhookEvents.parse(lines.get(1)).getTrigger());
    }

    @Test
    void underRotationEveryFewMillisecondsEveryAcknowledgedLineIsInSomeFileWholeAndNoneIsLost() throws Exception {
        Path file = dir.resolve("events.jsonl");
        ObjectNode template = (ObjectNode) JSON.readTree(Samples.get("message_sent.json"));
        int writers = 4;
        int perWriter = 200;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        try (JsonLinesHandler handler = JsonLinesHandler.open(file, false)) {
            Thread rotator = new Thread(() -> {
                for (int i = 0; writing.get(); i++) {
                    try {
                        Files.move(file, dir.resolve("events.jsonl." + i));
                        Thread.sleep(2);
                    } catch (IOException notThereYet) {
                        // the handler has not made the new file yet
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            rotator.start();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        ObjectNode event = template.deepCopy();
                        String id = writer + "-" + i;
                        ((ObjectNode) event.path("data").path("message")).put("id", id);
                        for (int attempt = 0; !acknowledged.contains(id) && attempt < 100; attempt++) {
                            try {
                                handler.handle(WebhookEvents.parse(JSON.writeValueAsBytes(event)));
                                acknowledged.add(id);
                            } catch (IOException replacedOnEveryAttempt) {
                                // answered 500: CometChat retries
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            rotator.join();
            pool.shutdown();
        }
        Set<String> written = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path one : (Iterable<Path>) files::iterator) {
                for (String line : Files.readAllLines(one, StandardCharsets.UTF_8)) {
                    written.add(JSON.readTree(line).path("data").path("message").path("id").asText()); // a torn line fails here
                }
            }
        }
        assertEquals(writers * perWriter, acknowledged.size());
        assertTrue(written.containsAll(acknowledged), "lost: " + acknowledged.stream().filter(id -> !written.contains(id)).toList());
    }

    /**
     * logrotate's {@code copytruncate} copies the file, then cuts the same file to nothing: the handler keeps it open,
     * writes at its new end, and still forces every line to disk before it returns (group commit counted in the file's
     * length would take the next lines, shorter than what was forced before, as on disk already).
     */
    @Test
    void afterCopytruncateLinesGoOnAtTheNewEndAndEachIsForcedToDisk() throws Exception {
        Path file = dir.resolve("events.jsonl");
        List<String> before = List.of("message_sent", "user_blocked", "group_created");
        try (JsonLinesHandler handler = JsonLinesHandler.open(file, true)) {
            for (String trigger : before) {
                handler.handle(WebhookEvents.parse(Samples.get(trigger + ".json")));
            }
            assertEquals(before.size(), handler.syncs(), "one line at a time: one fsync each");
            Path copy = Files.copy(file, dir.resolve("events.jsonl.1"));
            try (FileChannel truncate = FileChannel.open(file, StandardOpenOption.WRITE)) {
                truncate.truncate(0);
            }
            handler.handle(WebhookEvents.parse(Samples.get("user_unblocked.json")));
            assertEquals(before.size() + 1, handler.syncs(), "the line after the truncation was forced to disk too");
            handler.handle(WebhookEvents.parse(Samples.get("user_blocked.json")));
            assertEquals(before.size() + 2, handler.syncs());
            assertEquals(List.of("user_unblocked", "user_blocked"), triggers(file), "from the new end: no hole, no old line");
            assertEquals(before, triggers(copy));
        }
    }

    private static List<String> triggers(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(line -> WebhookEvents.parse(line).getTrigger()).toList();
    }

    @Test
    void eventsAreAppendedToWhatIsThere() throws Exception {
        Path file = dir.resolve("events.jsonl");
        for (String sample : List.of("user_blocked.json", "user_unblocked.json")) {
            try (JsonLinesHandler handler = JsonLinesHandler.open(file, false)) {
                handler.handle(WebhookEvents.parse(Samples.get(sample)));
            }
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(List.of("user_blocked", "user_unblocked"),
                lines.stream().map(line -> WebhookEvents.parse(line).getTrigger()).toList());
    }
}
