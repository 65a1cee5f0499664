package dev.hookgen.spring.boot;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.inbox.postgresql.PostgresInbox;
import dev.hookgen.inbox.postgresql.Samples;
import dev.hookgen.inbox.postgresql.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in inbox mode on the real PostgreSQL, over real HTTP: the 200 once the row is committed, the handler
 * afterwards on a worker, retries, dead rows, the replay endpoint and the gauges.
 */
@SpringBootTest(classes = RecordingApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hookgen.receiver.mode=inbox",
    "hookgen.receiver.credentials[0].username=cometchat",
    "hookgen.receiver.credentials[0].password=secret",
    "hookgen.inbox.initialize-schema=true",
    "hookgen.inbox.poll-interval=50ms",
    "hookgen.inbox.max-attempts=3",
    "hookgen.inbox.backoff.initial=200ms",
    "management.endpoints.web.exposure.include=hookgen"})
@DirtiesContext // closed after the class, not at the JVM's exit: its workers would poll the schema DB has dropped
class InboxModeTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase("starter_inbox");

    private static final String AUTH = Http.basic("cometchat", "secret");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::jdbcUrl);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("spring.datasource.password", () -> TestDatabase.PASSWORD);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "8");
    }

    @LocalServerPort
    int port;

    @Autowired
    RecordingHandler recorder;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    PostgresInbox inbox;

    @BeforeEach
    void forget() throws Exception {
        DB.update("TRUNCATE hookgen_inbox");
        recorder.calls.clear();
        recorder.byKey.clear();
        recorder.failing = event -> false;
    }

    private HttpResponse<String> post(byte[] body) {
        return Http.send(Http.post(URI.create("http://127.0.0.1:" + port + "/webhooks/cometchat"), AUTH, body));
    }

    private HttpResponse<String> actuator(String method, String path) {
        return Http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/hookgen" + path))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("20 s and still not: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void eachSampleIsCommittedThenReachesItsHandlerMethodOnce() throws Exception {
        Map<String, byte[]> samples = Samples.all();
        for (Map.Entry<String, byte[]> sample : samples.entrySet()) {
            HttpResponse<String> response = post(sample.getValue());
            assertEquals(200, response.statusCode(), sample.getKey() + ": " + response.body());
            assertEquals("accepted\n", response.body());
        }
        for (byte[] sample : samples.values()) {
            assertEquals("duplicate\n", post(sample).body());
        }
        await("every sample handled", () -> recorder.calls.size() >= samples.size());
        Thread.sleep(200); // room for a second, wrong, call
        assertEquals(samples.size(), recorder.calls.size());
        assertTrue(recorder.byKey.values().stream().allMatch(count -> count == 1), recorder.byKey.toString());
        for (RecordingHandler.Call call : recorder.calls) {
            assertEquals(RecordingHandler.methodFor(call.event().getTrigger()), call.method());
        }
        await("every row done", () -> ((Number) value("SELECT count(*) FROM hookgen_inbox WHERE status = 'done'")).intValue() == samples.size());
        assertEquals((long) samples.size(), DB.value("SELECT count(*) FROM hookgen_inbox"));
    }

    @Test
    void aHandlerThatFailsTwiceIsRetriedAfterBackoffAndHandledOnce() throws Exception {
        byte[] sample = Samples.distinct("message_edited.json", "test-flaky");
        int[] failures = {0};
        recorder.failing = event -> event.getWebhook().equals("test-flaky") && failures[0]++ < 2;
        long sent = System.nanoTime();
        assertEquals("accepted\n", post(sample).body(), "answered before the handler ran");
        await("handled", () -> !recorder.calls.isEmpty());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        assertTrue(millis >= 590, "after backing off 200 then 400 ms, not " + millis + " ms");
        assertEquals(List.of("onMessageEdited"), recorder.calls.stream().map(RecordingHandler.Call::method).toList());
        assertEquals(3, DB.value("SELECT attempts FROM hookgen_inbox WHERE convert_from(body, 'UTF8')::jsonb->>'webhook' = 'test-flaky'"));
    }

    @Test
    void aHandlerThatAlwaysFailsLeavesADeadRowThatTheEndpointReplays() throws Exception {
        byte[] sample = Samples.distinct("group_member_kicked.json", "test-always");
        recorder.failing = event -> event.getWebhook().equals("test-always");
        assertEquals("accepted\n", post(sample).body());
        String state = "SELECT status || ' ' || attempts FROM hookgen_inbox WHERE convert_from(body, 'UTF8')::jsonb->>'webhook' = 'test-always'";
        await("dead after 3 attempts", () -> "dead 3".equals(value(state)));
        assertEquals("{\"pending\":0,\"dead\":1}", actuator("GET", "").body());
        await("the gauge of dead rows at 1", () -> meters.get("hookgen.inbox.rows").tag("status", "dead").gauge().value() == 1);
        assertEquals(3, meters.get("hookgen.webhook.handling").tag("trigger", "group_member_kicked").tag("outcome", "failure")
                .timer().count());

        recorder.failing = event -> false;
        HttpResponse<String> replay = actuator("POST", "/group_member_kicked");
        assertEquals(200, replay.statusCode(), replay.body());
        assertEquals("{\"requeued\":1,\"stillDead\":0,\"stillUnknown\":0}", replay.body());
        await("handled after replay", () -> !recorder.calls.isEmpty());
        assertEquals(List.of("onGroupMemberKicked"), recorder.calls.stream().map(RecordingHandler.Call::method).toList());
        assertEquals("done 1", value(state));
    }

    @Test
    void theWorkersStopAndStartAgainWithTheContext() throws Exception {
        // as Spring Framework 7's test context cache does with the contexts it keeps aside, and an operator with stop/start
        context.stop();
        byte[] sample = Samples.distinct("message_edited.json", "test-restart");
        inbox.add(WebhookEvents.parse(sample), sample);
        Thread.sleep(300);
        assertTrue(recorder.calls.isEmpty(), "stopped: no worker takes the row");
        context.start();
        await("handled once started again", () -> !recorder.calls.isEmpty());
        assertEquals(List.of("onMessageEdited"), recorder.calls.stream().map(RecordingHandler.Call::method).toList());
    }

    @Test
    void driftIsAnsweredOkAndStoredAsADeadRow() throws Exception {
        String sample = new String(Samples.distinct("message_sent.json", "test-drift"), UTF_8);
        byte[] drifted = sample.replace("\"sentAt\":1696934912", "\"sentAt\":\"soon\"").getBytes(UTF_8);
        HttpResponse<String> response = post(drifted);
        assertEquals(200, response.statusCode());
        assertEquals("saved for review: the payload does not fit the schema at $.data.message.sentAt\n", response.body());
        assertEquals("does not fit the schema at $.data.message.sentAt: Cannot coerce String value (\"soon\") to `java.lang.Long` value",
                DB.value("SELECT last_error FROM hookgen_inbox WHERE status = 'dead' AND idempotency_key LIKE 'drift:%'"));
        assertTrue(recorder.calls.isEmpty());
    }

    private static Object value(String sql) {
        try {
            return DB.value(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
