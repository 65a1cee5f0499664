package dev.hookgen.inbox.postgresql;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.runtime.receiver.Credentials;
import dev.hookgen.runtime.receiver.Inbox;
import dev.hookgen.runtime.receiver.WebhookReceiver;
import dev.hookgen.runtime.receiver.WebhookReceiver.Outcome;
import dev.hookgen.runtime.receiver.WebhookReceiver.Response;
import java.io.ByteArrayInputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** The receive side of the inbox on the real PostgreSQL: the table, the one-statement write and deduplication. */
class PostgresInboxTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase("inbox");

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes(UTF_8));

    private PostgresInbox inbox;

    @BeforeEach
    void emptyTable() throws SQLException {
        inbox = new PostgresInbox(DB.dataSource());
        inbox.createSchema();
        DB.update("TRUNCATE hookgen_inbox");
    }

    private WebhookReceiver<WebhookEvent> receiver() {
        return WebhookReceiver.builder(WebhookEvents.parser()).credentials(List.of(new Credentials("u", "p"))).inbox(inbox).build();
    }

    private static Response post(WebhookReceiver<WebhookEvent> receiver, byte[] body) {
        return receiver.handle(AUTH, new ByteArrayInputStream(body), body.length);
    }

    @Test
    void theSchemaIsCreatedOnceWhenInstancesStartAtOnceAndAgainIsHarmless() throws Exception {
        DB.update("DROP TABLE hookgen_inbox");
        ExecutorService starts = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(starts.submit(() -> {
                go.await();
                new PostgresInbox(DB.pool(1)).createSchema();
                return null;
            }));
        }
        go.countDown();
        for (Future<Object> result : results) {
            result.get(20, TimeUnit.SECONDS); // concurrent CREATE TABLE IF NOT EXISTS can fail without the lock
        }
        starts.shutdown();
        inbox.createSchema();
        assertEquals(4L, DB.value("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() "
                + "AND tablename = 'hookgen_inbox' AND indexname <> 'hookgen_inbox_idempotency_key_key'"));
    }

    @Test
    void aDeliveryIsStoredOnceByteForByteAndItsRetryIsADuplicate() throws Exception {
        String sample = new String(Samples.get("message_sent.json"), UTF_8);
        // a lone surrogate escape (a JavaScript client cutting an emoji in half), which jsonb would refuse, and odd spacing
        byte[] body = sample.replace("\"text\": \"", "\"text\":   \"\\ud83d ").getBytes(UTF_8);
        assertTrue(new String(body, UTF_8).contains("\\ud83d"), "the sample has the text this test changes");
        WebhookEvent event = WebhookEvents.parse(body);
        assertEquals(Inbox.Added.NEW, inbox.add(event, body));
        assertEquals(Inbox.Added.DUPLICATE, inbox.add(WebhookEvents.parse(sample), sample.getBytes(UTF_8)));

        List<Map<String, Object>> rows = DB.query("SELECT idempotency_key, trigger, body, untyped, status, attempts, last_error, "
                + "lease_owner, done_at IS NULL AS not_done, next_attempt_at <= now() AS due FROM hookgen_inbox");
        assertEquals(1, rows.size());
        Map<String, Object> row = rows.get(0);
        assertEquals(event.idempotencyKey(), row.get("idempotency_key"));
        assertEquals("message_sent", row.get("trigger"));
        assertArrayEquals(body, (byte[]) row.get("body"), "the first delivery's bytes, unchanged");
        assertEquals(false, row.get("untyped"));
        assertEquals("pending", row.get("status"));
        assertEquals(0, row.get("attempts"));
        assertNull(row.get("last_error"));
        assertNull(row.get("lease_owner"));
        assertEquals(true, row.get("not_done"));
        assertEquals(true, row.get("due"));
    }

    @Test
    void theSameEventArrivingOnSixteenConnectionsAtOnceIsStoredOnce() throws Exception {
        byte[] body = Samples.distinct("group_member_joined.json", "race");
        WebhookEvent event = WebhookEvents.parse(body);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Inbox.Added>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(clients.submit(() -> {
                go.await();
                return inbox.add(event, body);
            }));
        }
        go.countDown();
        List<Inbox.Added> added = new ArrayList<>();
        for (Future<Inbox.Added> result : results) {
            added.add(result.get(20, TimeUnit.SECONDS));
        }
        clients.shutdown();
        assertEquals(1, added.stream().filter(Inbox.Added.NEW::equals).count(), added.toString());
        assertEquals(1L, DB.value("SELECT count(*) FROM hookgen_inbox"));
    }

    @Test
    void theReceiverAnswersFromTheTableOkDuplicateAndDriftAsDeadRows() throws Exception {
        WebhookReceiver<WebhookEvent> receiver = receiver();
        Map<String, byte[]> samples = Samples.all();
        for (Map.Entry<String, byte[]> sample : samples.entrySet()) {
            Response response = post(receiver, sample.getValue());
            assertEquals(Outcome.ACCEPTED, response.outcome(), sample.getKey() + ": " + response.body());
        }
        for (byte[] sample : samples.values()) {
            assertEquals(Outcome.DUPLICATE, post(receiver, sample).outcome());
        }
        byte[] unknown = "{\"trigger\":\"message_pinned\",\"webhook\":\"w\",\"data\":{\"id\":1}}".getBytes(UTF_8);
        assertEquals(Outcome.ACCEPTED, post(receiver, unknown).outcome());

        String sample = new String(Samples.get("message_sent.json"), UTF_8);
        byte[] drifted = sample.replace("\"sentAt\": 1696934912", "\"sentAt\": \"soon\"").getBytes(UTF_8);
        Response drift = post(receiver, drifted);
        assertEquals(Outcome.DEAD_LETTERED, drift.outcome());
        assertEquals(200, drift.status());
        assertEquals("saved for review: the payload does not fit the schema at $.data.message.sentAt\n", drift.body());
        assertEquals(Outcome.DEAD_LETTERED, post(receiver, drifted).outcome(), "delivered again");
        byte[] noTrigger = "{\"data\": {}}".getBytes(UTF_8);
        assertEquals(Outcome.DEAD_LETTERED, post(receiver, noTrigger).outcome());

        assertEquals((long) samples.size(), DB.value("SELECT count(*) FROM hookgen_inbox WHERE status = 'pending' AND NOT untyped"));
        assertEquals(1L, DB.value("SELECT count(*) FROM hookgen_inbox WHERE status = 'pending' AND untyped AND trigger = 'message_pinned'"));
        List<Map<String, Object>> dead = DB.query("SELECT idempotency_key, trigger, body, last_error FROM hookgen_inbox "
                + "WHERE status = 'dead' ORDER BY id");
        assertEquals(2, dead.size(), "the same bytes twice are one dead row");
        assertTrue(((String) dead.get(0).get("idempotency_key")).matches("drift:[0-9a-f]{64}"), dead.get(0).toString());
        assertEquals("message_sent", dead.get(0).get("trigger"));
        assertArrayEquals(drifted, (byte[]) dead.get(0).get("body"));
        assertEquals("does not fit the schema at $.data.message.sentAt: Cannot coerce String value (\"soon\") to `java.lang.Long` value",
                dead.get(0).get("last_error"));
        assertNull(dead.get(1).get("trigger"));
        assertEquals("does not fit the schema at $.trigger: missing: every webhook names its trigger", dead.get(1).get("last_error"));
        assertEquals(new InboxCounts(samples.size() + 1, 2), inbox.counts());
    }

    /**
     * PostgreSQL's text refuses NUL and the driver writes a lone surrogate as '?': a trigger, a key or a reason holding
     * them must neither fail the insert (a 500 on every retry: the event lost) nor merge two keys (the second event
     * taken for a duplicate: lost). Each is stored, answered once, and read back as it came.
     */
    @Test
    void triggersKeysAndReasonsWithNulOrLoneSurrogatesAreStoredAsTheyCameAndNeverMerged() throws Exception {
        WebhookReceiver<WebhookEvent> receiver = receiver();
        List<String> triggers = List.of("ping\\u0000pong", "ping\\ud800", "ping\\udc00x", "ping?"); // as JSON escapes them
        for (String trigger : triggers) {
            byte[] body = ("{\"trigger\":\"" + trigger + "\",\"webhook\":\"w\",\"data\":{\"id\":1}}").getBytes(UTF_8);
            assertEquals(Outcome.ACCEPTED, post(receiver, body).outcome(), trigger);
            assertEquals(Outcome.DUPLICATE, post(receiver, body).outcome(), trigger);
        }
        String sample = new String(Samples.get("message_sent.json"), UTF_8);
        List<String> ids = List.of("1\\u0000", "1\\ud800", "1\\ud801", "1?"); // message ids: a part of message_sent's key
        for (String id : ids) {
            byte[] body = sample.replace("\"id\": \"1\"", "\"id\": \"" + id + "\"").getBytes(UTF_8);
            assertEquals(Outcome.ACCEPTED, post(receiver, body).outcome(), id);
            assertEquals(Outcome.DUPLICATE, post(receiver, body).outcome(), id);
        }
        // a value the parser quotes in its reason: the dead row keeps the reason
        byte[] drifted = sample.replace("\"sentAt\": 1696934912", "\"sentAt\": \"so\\u0000on\\ud83d\"").getBytes(UTF_8);
        assertEquals(Outcome.DEAD_LETTERED, post(receiver, drifted).outcome());
        assertEquals(Outcome.DEAD_LETTERED, post(receiver, drifted).outcome(), "delivered again");

        assertEquals(List.of("ping\\u0000pong", "ping\\ud800", "ping\\udc00x", "ping?"),
                DB.query("SELECT trigger FROM hookgen_inbox WHERE untyped ORDER BY id").stream().map(row -> row.get("trigger")).toList(),
                "stored escaped, as JSON escapes them");
        // the parser's message is printable already (NUL and the half pair as escapes), the column escapes its backslashes
        assertEquals("does not fit the schema at $.data.message.sentAt: Cannot coerce String value (\"so\\\\u0000on\\\\uD83D\") "
                + "to `java.lang.Long` value", DB.value("SELECT last_error FROM hookgen_inbox WHERE status = 'dead'"));

        List<InboxRow> rows = new InboxTable(DB.dataSource()).claim("test/1", 100, Duration.ofMinutes(1));
        assertEquals(List.of("ping\u0000pong", "ping\ud800", "ping\udc00x", "ping?", "message_sent", "message_sent", "message_sent",
                "message_sent"), rows.stream().map(InboxRow::trigger).toList(), "read back as they came");
        assertEquals(8, rows.stream().map(InboxRow::idempotencyKey).distinct().count(), "eight events, eight keys");
        for (InboxRow row : rows) {
            assertEquals(WebhookEvents.parse(row.body()).idempotencyKey(), row.idempotencyKey());
        }
        assertEquals(new ReplayResult(0, 0, 0), inbox.replay(WebhookEvents.parser(), "ping\u0000pong"), "a trigger to select by, too");
    }

    /** The inbox takes any key an {@link dev.hookgen.runtime.Event} gives, whatever built it. */
    @Test
    void anyKeyIsStoredOnceAndNoTwoKeysAreMerged() throws Exception {
        List<String> keys = List.of("k\u0000", "k\\u0000", "k\\\\u0000", "k\ud800", "k\ud801", "k\udc00\ud800", "k?", "k\\", "k");
        byte[] body = Samples.get("message_sent.json");
        for (String key : keys) {
            assertEquals(Inbox.Added.NEW, inbox.add(new Keyed(key), body), key);
        }
        for (String key : keys) {
            assertEquals(Inbox.Added.DUPLICATE, inbox.add(new Keyed(key), body), key);
        }
        assertEquals(keys, new InboxTable(DB.dataSource()).claim("test/1", 100, Duration.ofMinutes(1)).stream()
                .map(InboxRow::idempotencyKey).toList());
    }

    /** An event with any key, as an implementation of {@code Event} outside the generated catalogs may give. */
    private record Keyed(String idempotencyKey) implements dev.hookgen.runtime.Event {
        @Override
        public String getTrigger() {
            return "message_sent";
        }

        @Override
        public String getAppId() {
            return "app";
        }

        @Override
        public String getRegion() {
            return "eu";
        }

        @Override
        public String getWebhook() {
            return "w";
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedGets500SoThatCometChatRetries() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setServerNames(new String[] {"127.0.0.1"});
        nowhere.setPortNumbers(new int[] {1});
        nowhere.setConnectTimeout(2);
        WebhookReceiver<WebhookEvent> receiver = WebhookReceiver.builder(WebhookEvents.parser())
                .credentials(List.of(new Credentials("u", "p"))).inbox(new PostgresInbox(nowhere)).build();
        Response response = post(receiver, Samples.get("message_sent.json"));
        assertEquals(Outcome.FAILED, response.outcome());
        assertEquals(500, response.status());
        assertEquals("cannot store the event; retry\n", response.body());
        assertInstanceOf(SQLException.class, response.failureCause().orElseThrow());
    }

    @Test
    void retentionDeletesDoneRowsPastTheirAgeAndNeverPendingOrDeadOnes() throws Exception {
        for (int i = 0; i < 6; i++) {
            byte[] body = Samples.distinct(i % 2 == 0 ? "message_sent.json" : "user_blocked.json", "w" + i);
            inbox.add(WebhookEvents.parse(body), body);
        }
        byte[] unknown = "{\"trigger\":\"message_pinned\",\"webhook\":\"w\"}".getBytes(UTF_8);
        inbox.add(WebhookEvents.parse(unknown), unknown);
        String webhook = "convert_from(body, 'UTF8')::jsonb->>'webhook'"; // how to query the bodies as JSON
        DB.update("UPDATE hookgen_inbox SET status = 'done', done_at = now() - interval '2 hours' WHERE " + webhook + " IN ('w0', 'w1')");
        DB.update("UPDATE hookgen_inbox SET status = 'done', done_at = now() - interval '10 minutes' WHERE " + webhook + " = 'w2'");
        DB.update("UPDATE hookgen_inbox SET status = 'dead', updated_at = now() - interval '30 days' WHERE " + webhook + " = 'w3'");
        DB.update("UPDATE hookgen_inbox SET status = 'done', done_at = now() - interval '2 hours' WHERE untyped");

        assertEquals(2, inbox.deleteExpired(Duration.ofHours(1), Duration.ofHours(3)));
        assertEquals(5L, DB.value("SELECT count(*) FROM hookgen_inbox"));
        assertEquals(1L, DB.value("SELECT count(*) FROM hookgen_inbox WHERE untyped"), "unknown triggers are kept longer, for replay");
        assertEquals(2, inbox.deleteExpired(Duration.ofMinutes(5), Duration.ofHours(1)));
        assertEquals(List.of(Map.of("status", "dead"), Map.of("status", "pending"), Map.of("status", "pending")),
                DB.query("SELECT status FROM hookgen_inbox ORDER BY status"));
    }
}
