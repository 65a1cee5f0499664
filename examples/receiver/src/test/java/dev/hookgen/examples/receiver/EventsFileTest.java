package dev.hookgen.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.cometchat.WebhookEvents;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events file deleted or rotated under a running receiver, between deliveries over HTTP: a 200 always
 * means the event is in the file at the configured path.
 */
class EventsFileTest {

    @TempDir
    Path dir;

    private static List<String> triggers(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(line -> WebhookEvents.parse(line).getTrigger()).toList();
    }

    @Test
    void afterRmTheNextEventGoesToANewFileAtThePath() throws Exception {
        try (TestReceiver receiver = new TestReceiver(dir)) {
            assertEquals(200, receiver.post("message_sent.json").statusCode());
            Files.delete(receiver.events);
            assertEquals(200, receiver.post("user_blocked.json").statusCode());
            assertEquals(List.of("user_blocked"), triggers(receiver.events));
            assertEquals(200, receiver.post("user_unblocked.json").statusCode());
            assertEquals(List.of("user_blocked", "user_unblocked"), triggers(receiver.events), "and stays with it");
        }
    }

    @Test
    void afterARotationByRenameTheOldFileKeepsItsEventsAndNewOnesGoToTheNewFile() throws Exception {
        try (TestReceiver receiver = new TestReceiver(dir)) {
            assertEquals(200, receiver.post("message_sent.json").statusCode());
            Path rotated = Files.move(receiver.events, dir.resolve("events.jsonl.1"));
            assertEquals(200, receiver.post("user_blocked.json").statusCode());
            assertEquals(List.of("message_sent"), triggers(rotated));
            assertEquals(List.of("user_blocked"), triggers(receiver.events));

            // logrotate's "create": the rotator makes the new file itself
            Path second = Files.move(receiver.events, dir.resolve("events.jsonl.2"));
            Files.createFile(receiver.events);
            assertEquals(200, receiver.post("user_unblocked.json").statusCode());
            assertEquals(List.of("user_blocked"), triggers(second));
            assertEquals(List.of("user_unblocked"), triggers(receiver.events));
        }
    }

    @Test
    void whenNoFileCanBeMadeAtThePathTheAnswerIs500AndTheRetrySucceedsOnceItCan() throws Exception {
        try (TestReceiver receiver = new TestReceiver(dir)) {
            Files.delete(receiver.events);
            Files.createDirectory(receiver.events); // a folder where the file was: nothing can be opened there
            HttpResponse<String> refused = receiver.post("message_sent.json");
            assertEquals(500, refused.statusCode());
            assertEquals("the event could not be handled; retry\n", refused.body());
            String log = receiver.log(1).get(0);
            assertTrue(log.matches("\\S+ POST /webhooks/cometchat status=500 ms=\\d+ trigger=message_sent outcome=failed "
                    + "error=\"FileSystemException: .*events\\.jsonl: Is a directory\""), log);

            Files.delete(receiver.events);
            HttpResponse<String> retried = receiver.post("message_sent.json");
            assertEquals(200, retried.statusCode());
            assertEquals("accepted\n", retried.body(), "the failed attempt was not recorded as done");
            assertEquals(List.of("message_sent"), triggers(receiver.events));
        }
    }
}
