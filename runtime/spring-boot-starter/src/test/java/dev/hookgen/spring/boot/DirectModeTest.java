package dev.hookgen.spring.boot;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.cometchat.Trigger;
import dev.hookgen.inbox.postgresql.Samples;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;

/** An application with the starter in direct mode, on a random port, over real HTTP: the receiver core's status policy. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = RecordingApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hookgen.receiver.path=/hooks/cometchat",
    "hookgen.receiver.credentials[0].username=cometchat",
    "hookgen.receiver.credentials[0].password=old:secret",
    "hookgen.receiver.credentials[1].username=cometchat",
    "hookgen.receiver.credentials[1].password=new-secret",
    "hookgen.receiver.max-body-bytes=64KB",
    // the test class path has JDBC for the inbox tests; a direct-mode application needs no database
    "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
class DirectModeTest {

    private static final String AUTH = Http.basic("cometchat", "new-secret");

    private static final Path DEAD_LETTERS = temporaryFolder();

    @DynamicPropertySource
    static void deadLetters(DynamicPropertyRegistry registry) {
        registry.add("hookgen.receiver.dead-letters", DEAD_LETTERS::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    RecordingHandler recorder;

    @Autowired
    MeterRegistry meters;

    @Autowired
    HookgenReceiverProperties properties;

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + port + "/hooks/cometchat");
    }

    private HttpResponse<String> post(String authorization, byte[] body) {
        return Http.send(Http.post(endpoint(), authorization, body));
    }

    @BeforeEach
    void forget() {
        recorder.calls.clear();
        recorder.byKey.clear();
        recorder.failing = event -> false;
    }

    @Test
    void propertiesBind() {
        assertEquals("/hooks/cometchat", properties.getPath());
        assertEquals(HookgenReceiverProperties.Mode.DIRECT, properties.getMode());
        assertEquals(DataSize.ofKilobytes(64), properties.getMaxBodyBytes());
        assertEquals(List.of("Credential[username=cometchat, password=***]", "Credential[username=cometchat, password=***]"),
                properties.getCredentials().stream().map(Object::toString).toList());
        assertEquals(404, Http.send(Http.post(URI.create("http://127.0.0.1:" + port + "/webhooks/cometchat"), AUTH,
                Samples.get("message_sent.json"))).statusCode(), "the default path is not served");
    }

    @Test
    void eachSampleReachesItsHandlerMethodOnceAndARepeatIsADuplicate() {
        Map<String, byte[]> samples = Samples.all();
        for (Map.Entry<String, byte[]> sample : samples.entrySet()) {
            HttpResponse<String> response = post(AUTH, sample.getValue());
            assertEquals(200, response.statusCode(), sample.getKey() + ": " + response.body());
            assertEquals("accepted\n", response.body(), sample.getKey());
            assertEquals("text/plain;charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow());
        }
        for (byte[] sample : samples.values()) {
            HttpResponse<String> again = post(AUTH, sample);
            assertEquals(200, again.statusCode());
            assertEquals("duplicate\n", again.body());
        }
        assertEquals(samples.size(), recorder.calls.size());
        assertTrue(recorder.byKey.values().stream().allMatch(count -> count == 1), recorder.byKey.toString());
        for (RecordingHandler.Call call : recorder.calls) {
            String trigger = call.event().getTrigger();
            assertEquals(RecordingHandler.methodFor(trigger), call.method(), "typed dispatch of " + trigger);
        }
    }

    @Test
    void wrongOrMissingCredentialsGet401WithTheChallengeAndTheOldPairStillWorks() {
        byte[] sample = Samples.distinct("message_sent.json", "auth");
        for (String header : Arrays.asList(null, Http.basic("cometchat", "wrong"), Http.basic("other", "new-secret"), "Bearer new-secret")) {
            HttpResponse<String> response = post(header, sample);
            assertEquals(401, response.statusCode(), header);
            assertEquals("unauthorized\n", response.body());
            assertEquals("Basic realm=\"cometchat-webhooks\", charset=\"UTF-8\"", response.headers().firstValue("WWW-Authenticate").orElseThrow());
        }
        assertEquals(List.of(), recorder.calls);
        assertEquals(200, post(Http.basic("cometchat", "old:secret"), sample).statusCode(), "rotation: both pairs are accepted");
    }

    @Test
    void aBodyOverTheLimitGets413AndOneAtTheLimitIsRead() {
        byte[] sample = Samples.distinct("message_sent.json", "limit");
        byte[] exactly = Arrays.copyOf(sample, 64 * 1024);
        Arrays.fill(exactly, sample.length, exactly.length, (byte) ' ');
        byte[] over = Arrays.copyOf(exactly, exactly.length + 1);
        over[exactly.length] = ' ';
        HttpResponse<String> tooLarge = post(AUTH, over);
        assertEquals(413, tooLarge.statusCode());
        assertEquals("the body is larger than 65536 bytes\n", tooLarge.body());
        assertEquals(200, post(AUTH, exactly).statusCode());
        assertEquals(1, recorder.calls.size());
    }

    @Test
    void aBodyThatIsNotAJsonObjectGets400() {
        HttpResponse<String> broken = post(AUTH, "{\"trigger\": \"message_sent\",}".getBytes(UTF_8));
        assertEquals(400, broken.statusCode());
        assertTrue(broken.body().startsWith("line 1, column 28: not valid JSON"), broken.body());
        assertEquals(400, post(AUTH, "[1]".getBytes(UTF_8)).statusCode());
        assertEquals(List.of(), recorder.calls);
    }

    @Test
    void driftIsAnsweredOkAndKeptWholeAsADeadLetterWithoutReachingTheHandler() throws IOException {
        String sample = new String(Samples.distinct("message_sent.json", "drift"), UTF_8);
        byte[] drifted = sample.replace("\"sentAt\":1696934912", "\"sentAt\":\"soon\"").getBytes(UTF_8);
        assertTrue(new String(drifted, UTF_8).contains("\"soon\""), "the sample has the field this test changes");
        HttpResponse<String> response = post(AUTH, drifted);
        assertEquals(200, response.statusCode());
        assertEquals("saved for review: the payload does not fit the schema at $.data.message.sentAt\n", response.body());
        assertEquals(List.of(), recorder.calls);
        List<Path> letters;
        try (Stream<Path> files = Files.list(DEAD_LETTERS)) {
            letters = files.filter(file -> file.getFileName().toString().startsWith("message_sent.")).toList();
        }
        assertEquals(1, letters.size(), letters.toString());
        assertArrayEquals(drifted, Files.readAllBytes(letters.get(0)));
    }

    @Test
    void toleratedDriftIsHandledAndLoggedOncePerPlace(CapturedOutput output) {
        String sample = new String(Samples.get("message_sent.json"), UTF_8);
        // ids no other test posts: the store remembers the context's deliveries
        String drifted = sample.replace("\"lastActiveAt\": 1696934440", "\"lastActiveAt\": \"yesterday\"")
                .replace("\"id\": \"1\"", "\"id\": \"drift-1\"");
        String again = drifted.replace("\"id\": \"drift-1\"", "\"id\": \"drift-2\"");
        assertEquals("accepted\n", post(AUTH, drifted.getBytes(UTF_8)).body());
        assertEquals("accepted\n", post(AUTH, again.getBytes(UTF_8)).body());
        assertEquals(2, recorder.calls.size(), "both events reached the handler");
        String warning = "webhook with tolerated schema drift, the values kept as they came: trigger=message_sent outcome=accepted "
                + "new_drift=\"$.data.message.data.entities.sender.entity.lastActiveAt (integer expected)\"";
        assertEquals(1, output.getAll().split(java.util.regex.Pattern.quote(warning), -1).length - 1, output.getAll());
    }

    @Test
    void aFailingHandlerGets500AndCometChatsRetryIsHandled() {
        byte[] sample = Samples.distinct("user_blocked.json", "retry");
        recorder.failing = event -> true;
        HttpResponse<String> failed = post(AUTH, sample);
        assertEquals(500, failed.statusCode());
        assertEquals("the event could not be handled; retry\n", failed.body());
        recorder.failing = event -> false;
        assertEquals("accepted\n", post(AUTH, sample).body());
        assertEquals(List.of("onUserBlocked"), recorder.calls.stream().map(RecordingHandler.Call::method).toList());
    }

    /** What the request brings (its trigger; a handler's message quoting it) is logged escaped: no line can be forged. */
    @Test
    void aTriggerOrAnErrorWithALineBreakStaysInItsOwnLogLine(CapturedOutput output) {
        recorder.failing = event -> true;
        String body = "{\"trigger\":\"x\\nFORGED status=200\",\"webhook\":\"log\",\"data\":{}}";
        assertEquals(500, post(AUTH, body.getBytes(UTF_8)).statusCode());
        assertTrue(output.getAll().contains("webhook answered 500, CometChat retries: trigger=\"x\\u000aFORGED status=200\" "
                + "outcome=failed error=\"IllegalStateException: the CRM is down for x\\u000aFORGED status=200\""), output.getAll());
        assertTrue(output.getAll().lines().noneMatch(line -> line.startsWith("FORGED")), output.getAll());
    }

    @Test
    void otherMethodsOnThePathGet405() {
        HttpResponse<String> get = Http.send(HttpRequest.newBuilder(endpoint()).header("Authorization", AUTH).GET());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
    }

    /**
     * Each refusal is answered at once with {@code Connection: close}, and Tomcat closes the connection after it: a
     * client without credentials, or with a body that is not wanted, holds no connection afterwards. A body left unsent
     * after a 401 or 405 is waited for by Tomcat (its {@code max-swallow-size} and {@code connection-timeout}), but the
     * answer has gone out first.
     */
    @Test
    void everyRefusalIsAnsweredAtOnceAndClosesItsConnection() throws IOException {
        record Refusal(String request, String statusLine, boolean bodySent) {
        }
        String path = " /hooks/cometchat HTTP/1.1\r\nHost: localhost\r\n";
        String auth = "Authorization: " + AUTH + "\r\n";
        String body = "{\"trigger\":\"message_sent\"}";
        String withBody = "Content-Length: " + body.length() + "\r\n\r\n" + body;
        List<Refusal> refusals = List.of(
                new Refusal("POST" + path + withBody, "HTTP/1.1 401 ", true),
                new Refusal("POST" + path + "Content-Length: 100\r\n\r\n", "HTTP/1.1 401 ", false),
                new Refusal("POST" + path + auth + "Content-Length: 70000\r\n\r\n", "HTTP/1.1 413 ", false),
                new Refusal("POST" + path + auth + "Content-Length: 2\r\n\r\n[]", "HTTP/1.1 400 ", true),
                new Refusal("PUT" + path + auth + withBody, "HTTP/1.1 405 ", true),
                new Refusal("PUT" + path + auth + "Content-Length: 100\r\n\r\n", "HTTP/1.1 405 ", false));
        for (Refusal refusal : refusals) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(refusal.request().getBytes(UTF_8));
                InputStream in = socket.getInputStream();
                String head = head(in, refusal.statusLine());
                assertTrue(head.startsWith(refusal.statusLine()), refusal.request() + " answered: " + head);
                assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close\r\n"), refusal.request() + " answered: " + head);
                if (refusal.bodySent()) {
                    try {
                        in.readAllBytes(); // to the end of the stream: the server closed the connection
                    } catch (SocketTimeoutException stillOpen) {
                        throw new AssertionError(refusal.statusLine() + "answered, but the connection was still open after 5 s");
                    }
                }
            }
        }
    }

    /** The response head, up to its empty line, read within the socket's timeout. */
    private static String head(InputStream in, String expected) throws IOException {
        StringBuilder head = new StringBuilder();
        try {
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
        } catch (SocketTimeoutException late) {
            throw new AssertionError(expected + "expected at once; nothing within 5 s, got: " + head);
        }
        return head.toString();
    }

    @Test
    void metricsCountDeliveriesByTriggerAndOutcomeAndTimeTheHandler() {
        double accepted = count("user_mentioned", "accepted");
        double duplicate = count("user_mentioned", "duplicate");
        double unauthorized = count("none", "unauthorized");
        long handled = handlings();
        byte[] sample = Samples.distinct("user_mentioned.json", "metrics");
        post(AUTH, sample);
        post(AUTH, sample);
        post(null, sample);
        assertEquals(accepted + 1, count("user_mentioned", "accepted"));
        assertEquals(duplicate + 1, count("user_mentioned", "duplicate"));
        assertEquals(unauthorized + 1, count("none", "unauthorized"));
        assertEquals(handled + 1, handlings());
    }

    /**
     * The trigger comes from the body: whatever a request makes up must not become a meter of its own. Triggers of the
     * catalog keep their name; any other is "other"; none (refused before parsing) is "none".
     */
    @Test
    void aTriggerTagIsATriggerOfTheCatalogOtherOrNoneWhateverRequestsSend() {
        for (int i = 0; i < 20; i++) {
            String body = "{\"trigger\":\"made_up_" + i + "\",\"webhook\":\"tags\",\"data\":{}}";
            assertEquals(200, post(AUTH, body.getBytes(UTF_8)).statusCode());
        }
        post(null, Samples.get("message_sent.json"));
        post(AUTH, Samples.distinct("user_blocked.json", "tags"));
        Set<String> allowed = new java.util.HashSet<>(Set.of("other", "none"));
        for (Trigger trigger : Trigger.values()) {
            allowed.add(trigger.wireName());
        }
        Set<String> deliveries = tags("hookgen.webhook.deliveries");
        Set<String> handling = tags("hookgen.webhook.handling");
        assertTrue(allowed.containsAll(deliveries), deliveries.toString());
        assertTrue(allowed.containsAll(handling), handling.toString());
        assertTrue(deliveries.containsAll(Set.of("other", "none", "user_blocked")), deliveries.toString());
        assertTrue(handling.containsAll(Set.of("other", "user_blocked")), handling.toString());
    }

    private Set<String> tags(String meter) {
        return meters.find(meter).meters().stream().map(m -> m.getId().getTag("trigger")).collect(java.util.stream.Collectors.toSet());
    }

    private long handlings() {
        var timer = meters.find("hookgen.webhook.handling").tag("trigger", "user_mentioned").tag("outcome", "success").timer();
        return timer == null ? 0 : timer.count();
    }

    private double count(String trigger, String outcome) {
        var counter = meters.find("hookgen.webhook.deliveries").tag("trigger", trigger).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @AfterAll
    static void deleteDeadLetters() throws IOException {
        try (Stream<Path> files = Files.walk(DEAD_LETTERS)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("hookgen-dead-letters");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
