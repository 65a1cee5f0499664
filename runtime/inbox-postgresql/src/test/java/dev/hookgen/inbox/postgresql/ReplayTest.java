package dev.hookgen.inbox.postgresql;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookgen.cometchat.GroupCreatedEvent;
import dev.hookgen.cometchat.MessageSentEvent;
import dev.hookgen.cometchat.UserBlockedEvent;
import dev.hookgen.cometchat.WebhookDispatcher;
import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.runtime.receiver.Credentials;
import dev.hookgen.runtime.receiver.WebhookReceiver;
import dev.hookgen.runtime.receiver.WebhookReceiver.Outcome;
import java.io.ByteArrayInputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An upgrade: a service on an older catalog receives a trigger it has no schema for and one whose payloads have
 * drifted from its schema; after the new schemas land, replay turns those rows into typed events for their handlers.
 */
class ReplayTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase("replay");

    private static final InboxSettings FAST = InboxSettings.defaults().withPollInterval(Duration.ofMillis(50));

    private PostgresInbox inbox;

    @BeforeEach
    void emptyTable() throws SQLException {
        inbox = new PostgresInbox(DB.dataSource());
        inbox.createSchema();
        DB.update("TRUNCATE hookgen_inbox");
    }

    /** What the old version received and handled: message_sent dead (drift), user_blocked done as unknown. */
    private void receiveWithTheOldVersion() throws Exception {
        WebhookReceiver<OldCatalog> old = WebhookReceiver.builder(OldCatalog.reader())
                .credentials(List.of(new Credentials("u", "p"))).inbox(inbox).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes(UTF_8));
        for (String sample : List.of("message_sent.json", "user_blocked.json", "group_created.json")) {
            byte[] body = Samples.get(sample);
            WebhookReceiver.Response response = old.handle(auth, new ByteArrayInputStream(body), body.length);
            assertEquals(sample.equals("message_sent.json") ? Outcome.DEAD_LETTERED : Outcome.ACCEPTED, response.outcome(), sample);
        }
        List<String> unknown = new CopyOnWriteArrayList<>();
        try (InboxWorkers<OldCatalog> workers = inbox.workers(OldCatalog.reader(), event -> unknown.add(event.getTrigger()), FAST)) {
            workers.start();
            awaitCount("done", 2);
        }
        assertEquals(List.of(Map.of("trigger", "group_created", "status", "done", "untyped", true),
                Map.of("trigger", "message_sent", "status", "dead", "untyped", false),
                Map.of("trigger", "user_blocked", "status", "done", "untyped", true)),
                DB.query("SELECT trigger, status, untyped FROM hookgen_inbox ORDER BY trigger"));
    }

    @Test
    void beforeTheUpgradeReplayChangesNothingAndSaysWhy() throws Exception {
        receiveWithTheOldVersion();
        assertEquals(new ReplayResult(0, 1, 2), inbox.replay(OldCatalog.reader()));
        assertEquals(new InboxCounts(0, 1), inbox.counts());
    }

    @Test
    void afterTheUpgradeDeadAndUnknownRowsBecomeTypedAndReachTheirHandlerOnce() throws Exception {
        receiveWithTheOldVersion();
        List<String> typed = new CopyOnWriteArrayList<>();
        WebhookDispatcher dispatcher = WebhookDispatcher.builder()
                .on(MessageSentEvent.class, event -> typed.add("message_sent " + event.getData().getMessage().getId()))
                .on(UserBlockedEvent.class, event -> typed.add("user_blocked " + event.getData().getBy().getUid()))
                .on(GroupCreatedEvent.class, event -> typed.add("group_created"))
                .onUnknown(event -> typed.add("unknown " + event.getTrigger()))
                .build();
        try (InboxWorkers<WebhookEvent> workers = inbox.workers(WebhookEvents.parser(), dispatcher::dispatch, FAST)) {
            workers.start();
            assertEquals(new ReplayResult(1, 0, 0), inbox.replay(WebhookEvents.parser(), "user_blocked"), "one trigger");
            awaitCount("done", 2);
            assertEquals(new ReplayResult(2, 0, 0), inbox.replay(WebhookEvents.parser()), "the rest");
            awaitCount("done", 3);
            assertEquals(new ReplayResult(0, 0, 0), inbox.replay(WebhookEvents.parser()), "nothing left to replay");
        }
        MessageSentEvent sent = (MessageSentEvent) WebhookEvents.parse(Samples.get("message_sent.json"));
        UserBlockedEvent blocked = (UserBlockedEvent) WebhookEvents.parse(Samples.get("user_blocked.json"));
        assertEquals("user_blocked " + blocked.getData().getBy().getUid(), typed.get(0), "the first replay");
        assertEquals(List.of("group_created", "message_sent " + sent.getData().getMessage().getId()),
                typed.subList(1, typed.size()).stream().sorted().toList(), "the second, each once, typed");
        assertEquals(List.of(Map.of("status", "done", "untyped", false, "attempts", 1)),
                DB.query("SELECT DISTINCT status, untyped, attempts FROM hookgen_inbox"));
    }

    private static void awaitCount(String status, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (((Number) DB.value("SELECT count(*) FROM hookgen_inbox WHERE status = '" + status + "'")).longValue() == expected) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never " + expected + " rows " + status + ": " + DB.query("SELECT trigger, status, last_error FROM hookgen_inbox"));
    }
}
