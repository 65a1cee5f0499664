package dev.hookgen.inbox.postgresql;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.cometchat.UserBlockedEvent;
import dev.hookgen.cometchat.WebhookDispatcher;
import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.cometchat.WebhookHandler;
import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.ParseLimits;
import dev.hookgen.runtime.receiver.EventHandler;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Workers taking rows out of the real table: once each, retries with backoff, dead rows, leases, graceful stop. */
class InboxWorkersTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase("workers");

    /** Short waits, so that the tests take seconds. */
    private static final InboxSettings FAST = InboxSettings.defaults()
            .withPollInterval(Duration.ofMillis(50))
            .withBackoff(new Backoff(Duration.ofMillis(200), 2, Duration.ofSeconds(5)));

    private PostgresInbox inbox;

    private final List<InboxWorkers<?>> started = new ArrayList<>();

    /** How often each idempotency key reached the handler. */
    private final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

    @BeforeEach
    void emptyTable() throws SQLException {
        inbox = new PostgresInbox(DB.dataSource());
        inbox.createSchema();
        DB.update("TRUNCATE hookgen_inbox");
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (InboxWorkers<?> workers : started) {
            workers.close(Duration.ofSeconds(10));
        }
    }

    private InboxWorkers<WebhookEvent> start(PostgresInbox on, EventHandler<WebhookEvent> handler, InboxSettings settings) {
        InboxWorkers<WebhookEvent> workers = on.workers(WebhookEvents.parser(), handler, settings);
        started.add(workers);
        workers.start();
        return workers;
    }

    private void record(WebhookEvent event) {
        handled.computeIfAbsent(event.idempotencyKey(), key -> new AtomicInteger()).incrementAndGet();
    }

    private void add(byte[] body) throws SQLException {
        inbox.add(WebhookEvents.parse(body), body);
    }

    private static void await(String what, long expected, String countQuery) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Object count = null;
        while (System.nanoTime() < deadline) {
            count = DB.value(countQuery);
            if (((Number) count).longValue() == expected) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(what + ": expected " + expected + ", still " + count + " after 30 s");
    }

    @Test
    void everySampleReachesItsTypedHandlerMethodOnceAndItsRowIsDone() throws Exception {
        Map<String, byte[]> samples = Samples.all();
        for (byte[] sample : samples.values()) {
            add(sample);
        }
        List<String> userBlocked = new CopyOnWriteArrayList<>();
        WebhookDispatcher dispatcher = WebhookDispatcher.of(new WebhookHandler() {
            @Override
            public void onUserBlocked(UserBlockedEvent event) {
                userBlocked.add(event.getData().getBy().getUid());
            }
        });
        start(inbox, event -> {
            record(event);
            dispatcher.dispatch(event);
        }, FAST);
        await("done rows", samples.size(), "SELECT count(*) FROM hookgen_inbox WHERE status = 'done'");
        assertEquals(samples.size(), handled.size());
        assertTrue(handled.values().stream().allMatch(count -> count.get() == 1), handled.toString());
        UserBlockedEvent blocked = (UserBlockedEvent) WebhookEvents.parse(Samples.get("user_blocked.json"));
        assertEquals(List.of(blocked.getData().getBy().getUid()), userBlocked, "through the dispatcher, typed");
        assertEquals(List.of(Map.of("attempts", 1, "leased", false, "error", false)),
                DB.query("SELECT DISTINCT attempts, lease_owner IS NOT NULL AS leased, last_error IS NOT NULL AS error FROM hookgen_inbox"));
        assertEquals(new InboxCounts(0, 0), inbox.counts());
    }

    @Test
    void aHandlerThatFailsTwiceThenSucceedsIsHandledOnceAfterBackingOff() throws Exception {
        add(Samples.get("message_sent.json"));
        List<Long> calls = new CopyOnWriteArrayList<>();
        start(inbox, event -> {
            calls.add(System.nanoTime());
            if (calls.size() <= 2) {
                throw new IllegalStateException("the CRM is down (call " + calls.size() + ")");
            }
            record(event);
        }, FAST);
        await("done rows", 1, "SELECT count(*) FROM hookgen_inbox WHERE status = 'done'");
        assertEquals(3, calls.size());
        assertEquals(List.of(1), handled.values().stream().map(AtomicInteger::get).toList(), "succeeded once");
        long firstWait = TimeUnit.NANOSECONDS.toMillis(calls.get(1) - calls.get(0));
        long secondWait = TimeUnit.NANOSECONDS.toMillis(calls.get(2) - calls.get(1));
        assertTrue(firstWait >= 190, "waited " + firstWait + " ms, not the backoff of 200 ms"); // the database's clock, a few ms apart
        assertTrue(secondWait >= 390, "waited " + secondWait + " ms, not the doubled backoff of 400 ms");
        Map<String, Object> row = DB.query("SELECT attempts, last_error FROM hookgen_inbox").get(0);
        assertEquals(3, row.get("attempts"));
        assertNull(row.get("last_error"), "cleared once handled");
    }

    @Test
    void aHandlerThatAlwaysFailsLeavesTheRowDeadAfterMaxAttemptsThenReplayIsHandled() throws Exception {
        add(Samples.get("message_sent.json"));
        AtomicInteger calls = new AtomicInteger();
        InboxWorkers<WebhookEvent> failing = start(inbox, event -> {
            calls.incrementAndGet();
            throw new IllegalStateException("the CRM is down", new java.net.ConnectException("Connection refused"));
        }, FAST.withMaxAttempts(3).withBackoff(new Backoff(Duration.ofMillis(50), 2, Duration.ofSeconds(1))));
        await("dead rows", 1, "SELECT count(*) FROM hookgen_inbox WHERE status = 'dead'");
        Thread.sleep(300); // long enough for a fourth attempt, were there one
        assertEquals(3, calls.get());
        Map<String, Object> row = DB.query("SELECT attempts, last_error, lease_owner FROM hookgen_inbox").get(0);
        assertEquals(3, row.get("attempts"));
        assertEquals("java.lang.IllegalStateException: the CRM is down; caused by java.net.ConnectException: Connection refused",
                row.get("last_error"));
        assertNull(row.get("lease_owner"));
        assertEquals(new InboxCounts(0, 1), inbox.counts());
        failing.close(Duration.ofSeconds(5));

        start(inbox, this::record, FAST); // the CRM is back
        assertEquals(new ReplayResult(1, 0, 0), inbox.replay(WebhookEvents.parser()));
        await("done rows", 1, "SELECT count(*) FROM hookgen_inbox WHERE status = 'done'");
        assertEquals(List.of(1), handled.values().stream().map(AtomicInteger::get).toList());
        assertEquals(1, DB.value("SELECT attempts FROM hookgen_inbox"), "replay starts a fresh count of attempts");
    }

    /**
     * A handler's message can quote what came in: a NUL or a lone surrogate in it must not make the row's update fail
     * (which would leave the row leased, to be claimed and fail again forever).
     */
    @Test
    void aFailureWhoseMessageHoldsNulOrALoneSurrogateIsRecordedAndTheRowRetriedThenDead() throws Exception {
        add(Samples.get("message_sent.json"));
        AtomicInteger calls = new AtomicInteger();
        start(inbox, event -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("bad id \u0000\ud800 in " + event.getTrigger());
        }, FAST.withMaxAttempts(2).withBackoff(new Backoff(Duration.ofMillis(50), 2, Duration.ofSeconds(1))));
        await("dead rows", 1, "SELECT count(*) FROM hookgen_inbox WHERE status = 'dead'");
        assertEquals(2, calls.get(), "retried once, then dead");
        Map<String, Object> row = DB.query("SELECT attempts, last_error, lease_owner FROM hookgen_inbox").get(0);
        assertEquals(2, row.get("attempts"));
        assertEquals("java.lang.IllegalArgumentException: bad id \\u0000\\ud800 in message_sent", row.get("last_error"));
        assertNull(row.get("lease_owner"));
    }

    /** The trigger and the errors come from the request: each is logged escaped, so that none can forge a log line. */
    @Test
    void aTriggerOrAnErrorWithALineBreakIsLoggedOnItsOwnLine() throws Exception {
        byte[] failing = "{\"trigger\":\"x\\nFORGED one\",\"webhook\":\"w\",\"data\":{}}".getBytes(UTF_8);
        byte[] tooLarge = ("{\"trigger\":\"y\\rFORGED two\",\"webhook\":\"w\",\"data\":\"" + "z".repeat(100) + "\"}").getBytes(UTF_8);
        add(failing);
        add(tooLarge);
        // a worker of a version that reads bodies up to 100 bytes: the second row no longer parses
        EventReader<WebhookEvent> reader = WebhookEvents.parser().withLimits(ParseLimits.defaults().withMaxDocumentBytes(100));
        List<String> lines = new CopyOnWriteArrayList<>();
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(InboxWorkers.class.getName());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            InboxWorkers<WebhookEvent> workers = inbox.workers(reader, event -> {
                throw new IllegalStateException("cannot take " + event.getTrigger());
            }, FAST.withMaxAttempts(2).withBackoff(new Backoff(Duration.ofMillis(50), 2, Duration.ofSeconds(1))));
            started.add(workers);
            workers.start();
            await("dead rows", 2, "SELECT count(*) FROM hookgen_inbox WHERE status = 'dead'");
        } finally {
            logger.removeHandler(capture);
        }
        assertTrue(lines.stream().noneMatch(line -> line.contains("\n") || line.contains("\r")), lines.toString());
        String error = " trigger=\"x\\u000aFORGED one\" error=\"java.lang.IllegalStateException: cannot take x\\u000aFORGED one\"";
        assertTrue(lines.stream().anyMatch(line -> line.matches("hookgen inbox: row \\d+ failed attempt 1; next in 50 ms:" + Pattern.quote(error))),
                lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.matches("hookgen inbox: row \\d+ is dead after 2 attempts:" + Pattern.quote(error))),
                lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.matches("hookgen inbox: row \\d+ is dead, its body no longer parses: "
                + Pattern.quote("trigger=\"y\\u000dFORGED two\" reason=") + ".+")), lines.toString());
    }

    @Test
    void rowsOfAWorkerThatDiedAreClaimedAgainOnceItsLeaseEnds() throws Exception {
        for (int i = 0; i < 5; i++) {
            add(Samples.distinct("message_sent.json", "w" + i));
        }
        // a worker of another instance claims every row, then its process is killed: nothing is ever marked
        InboxTable table = new InboxTable(DB.dataSource());
        assertEquals(5, table.claim("killed-1234/1", 10, Duration.ofMillis(700)).size());
        long claimed = System.nanoTime();
        start(inbox, event -> {
            record(event);
            handled.computeIfAbsent("at", key -> new AtomicInteger((int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - claimed)));
        }, FAST);
        await("done rows", 5, "SELECT count(*) FROM hookgen_inbox WHERE status = 'done'");
        assertTrue(handled.remove("at").get() >= 650, "not before the lease ended");
        assertTrue(handled.values().stream().allMatch(count -> count.get() == 1), handled.toString());
        assertEquals(List.of(Map.of("attempts", 2)), DB.query("SELECT DISTINCT attempts FROM hookgen_inbox"),
                "the dead worker's attempt counts");
    }

    @Test
    void closingFinishesTheEventInHandAndGivesBackTheRowsNotStarted() throws Exception {
        for (int i = 0; i < 10; i++) {
            add(Samples.distinct("message_sent.json", "w" + i));
        }
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        InboxWorkers<WebhookEvent> first = start(inbox, event -> {
            inHandler.countDown();
            mayFinish.await();
            record(event);
        }, FAST.withWorkers(1).withBatchSize(10));
        assertTrue(inHandler.await(10, TimeUnit.SECONDS));
        Thread closing = new Thread(() -> first.close());
        closing.start();
        Thread.sleep(100);
        assertTrue(closing.isAlive(), "close waits for the event in hand");
        mayFinish.countDown();
        closing.join(10_000);
        assertEquals(1, handled.size());
        assertEquals(List.of(Map.of("status", "done", "attempts", 1, "rows", 1L), Map.of("status", "pending", "attempts", 0, "rows", 9L)),
                DB.query("SELECT status, attempts, count(*) AS rows FROM hookgen_inbox WHERE lease_owner IS NULL GROUP BY 1, 2 ORDER BY 1"),
                "given back at once, unleased, their attempt not counted");

        start(inbox, this::record, FAST);
        await("done rows", 10, "SELECT count(*) FROM hookgen_inbox WHERE status = 'done'");
        assertEquals(10, handled.size());
        assertTrue(handled.values().stream().allMatch(count -> count.get() == 1), handled.toString());
    }

    @Test
    void workersStartAgainAfterClosingAsASpringContextRestartsItsBeans() throws Exception {
        InboxWorkers<WebhookEvent> workers = start(inbox, this::record, FAST.withWorkers(2));
        assertEquals("already running", assertThrows(IllegalStateException.class, workers::start).getMessage());
        add(Samples.distinct("message_sent.json", "before"));
        await("done rows", 1, "SELECT count(*) FROM hookgen_inbox WHERE status = 'done'");
        assertTrue(workers.close(Duration.ofSeconds(10)));
        assertFalse(workers.isRunning());

        add(Samples.distinct("message_sent.json", "while stopped"));
        Thread.sleep(300);
        assertEquals(1, handled.size(), "no worker runs while stopped");
        workers.start();
        assertTrue(workers.isRunning());
        add(Samples.distinct("message_sent.json", "after"));
        await("done rows", 3, "SELECT count(*) FROM hookgen_inbox WHERE status = 'done'");
        assertEquals(3, handled.size());
        assertTrue(handled.values().stream().allMatch(count -> count.get() == 1), handled.toString());
        assertEquals(2 + 1, Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("hookgen-inbox-")).count(), "the threads of one run, not two");
    }

    @Test
    void twoInstancesShareTheRowsAndNoneIsHandledTwice() throws Exception {
        int events = 400;
        ExecutorService clients = Executors.newFixedThreadPool(8); // concurrent commits share their disk flushes
        List<Future<?>> adds = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            byte[] body = Samples.distinct(i % 2 == 0 ? "message_sent.json" : "group_member_joined.json", "w" + i);
            adds.add(clients.submit(() -> {
                add(body);
                return null;
            }));
        }
        for (Future<?> added : adds) {
            added.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();
        List<String> instances = Collections.synchronizedList(new ArrayList<>());
        InboxWorkers<WebhookEvent> one = start(new PostgresInbox(DB.pool(5)), event -> {
            record(event);
            instances.add("one");
        }, FAST.withBatchSize(5));
        start(new PostgresInbox(DB.pool(5)), event -> {
            record(event);
            instances.add("two");
        }, FAST.withBatchSize(5));
        await("done rows", events, "SELECT count(*) FROM hookgen_inbox WHERE status = 'done'");
        assertEquals(events, handled.size());
        assertTrue(handled.values().stream().allMatch(count -> count.get() == 1), "each once");
        assertTrue(instances.contains("one") && instances.contains("two"), "both took a share");
        assertTrue(one.instanceId().matches(ProcessHandle.current().pid() + "-[0-9a-f]{8}"), one.instanceId());
    }

    @Test
    void aRowThatNoLongerFitsTheCatalogOfTheWorkerIsDeadWithTheReason() throws Exception {
        add(Samples.get("message_sent.json")); // stored by a newer version of the service
        InboxWorkers<OldCatalog> old = inbox.workers(OldCatalog.reader(), event -> handled.put(event.getTrigger(), new AtomicInteger(1)), FAST);
        started.add(old);
        old.start();
        await("dead rows", 1, "SELECT count(*) FROM hookgen_inbox WHERE status = 'dead'");
        assertTrue(handled.isEmpty());
        String error = (String) DB.value("SELECT last_error FROM hookgen_inbox");
        assertTrue(error.startsWith("does not fit the schema at $.data: Cannot deserialize value of type `java.lang.String` from Object value"),
                error);
    }
}
