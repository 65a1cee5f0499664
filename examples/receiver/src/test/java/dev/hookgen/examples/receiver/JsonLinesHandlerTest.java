package dev.hookgen.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookgen.cometchat.WebhookEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesHandlerTest {

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
