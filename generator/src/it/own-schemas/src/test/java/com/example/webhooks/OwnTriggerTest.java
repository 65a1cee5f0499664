package com.example.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.webhooks.model.User;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The published triggers and the service's own, generated into the service's packages. */
class OwnTriggerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theOwnTriggerParsesTypedAndLossless() throws Exception {
        byte[] body = Files.readAllBytes(Path.of("src/main/schemas/samples/poll_voted.json"));
        PollVotedEvent event = assertInstanceOf(PollVotedEvent.class, WebhookEvents.parse(body));
        User voter = event.getData().getVoter();
        assertEquals("cometchat-uid-2", voter.getUid());
        assertEquals("77", event.getData().getMessage().getId());
        assertEquals(JSON.readTree(body), JSON.readTree(WebhookEvents.toJson(event)));
        assertEquals(PollVotedEvent.class, Trigger.POLL_VOTED.eventType());
    }

    @Test
    void thePublishedTriggersAreThereInTheServicesPackagesButTheExcludedOnes() throws Exception {
        byte[] body = Files.readAllBytes(Path.of("target/hookgen/schemas/samples/message_sent.json"));
        MessageSentEvent sent = assertInstanceOf(MessageSentEvent.class, WebhookEvents.parse(body));
        assertEquals("1", sent.getData().getMessage().getId());
        assertTrue(Arrays.stream(Trigger.values()).noneMatch(t -> t.wireName().startsWith("meeting_")));
        assertTrue(Arrays.stream(Trigger.values()).anyMatch(t -> t.wireName().equals("call_ended")));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.hookgen.cometchat.model.User"));
    }
}
