import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.cometchat.PollVotedEvent;
import dev.hookgen.cometchat.Trigger;
import dev.hookgen.cometchat.WebhookDispatcher;
import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.cometchat.model.User;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by .ci/new-trigger against the jar a copy of the repository built after `scaffold --trigger
 * poll_voted`: the scaffolded trigger's sample parses to its own typed class, reuses the shared
 * shapes, dispatches to its handler, and writes back as the same JSON.
 */
final class NewTriggerCheck {

    public static void main(String[] args) throws Exception {
        byte[] body = Files.readAllBytes(Path.of(args[0]));
        WebhookEvent event = WebhookEvents.parse(body);
        check(event instanceof PollVotedEvent, "parses to PollVotedEvent, not " + event.getClass().getName());
        PollVotedEvent vote = (PollVotedEvent) event;
        check(vote.getData().getMessage().getId().equals("77"), "data.message is the shared Message");
        User voter = vote.getData().getVoter();
        check(voter.getUid().equals("cometchat-uid-2"), "data.voter is the shared User");
        check(vote.getData().getVote().getVotedAt() == 1696935103114L, "data.vote.votedAt is a 64-bit long");
        check(vote.getData().getResults().getShare().equals(new BigDecimal("0.67")), "data.results.share is the exact BigDecimal");
        check(Trigger.POLL_VOTED.eventType() == PollVotedEvent.class, "Trigger.POLL_VOTED names the class");
        List<String> handled = new ArrayList<>();
        WebhookDispatcher.builder().on(PollVotedEvent.class, e -> handled.add(e.idempotencyKey())).build().dispatch(event);
        check(handled.size() == 1, "dispatched once: " + handled);
        // The draft's key: app, webhook, trigger, the subject, the event's time, then digest(/data),
        // which a draft always ends with until the reviewer narrows it.
        String key = handled.get(0);
        check(key.startsWith("<appId>:<webhookID>:poll_voted:77:1696934912:") && key.split(":").length == 6,
                "keyed by app, webhook, trigger, message id, sentAt and a digest of data: " + key);
        check(WebhookEvents.parse(body).idempotencyKey().equals(key), "the same body, the same key");
        ObjectMapper json = new ObjectMapper();
        ObjectNode otherVoter = (ObjectNode) json.readTree(body);
        ((ObjectNode) otherVoter.path("data").path("voter")).put("uid", "cometchat-uid-3");
        check(!WebhookEvents.parse(json.writeValueAsBytes(otherVoter)).idempotencyKey().equals(key),
                "another voter's vote on the same poll is another key");
        check(json.readTree(body).equals(json.readTree(WebhookEvents.toJson(event))), "toJson gives back the same JSON");
        System.out.println("new-trigger: poll_voted parses to PollVotedEvent (Trigger.POLL_VOTED, onPollVoted), typed and lossless");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
