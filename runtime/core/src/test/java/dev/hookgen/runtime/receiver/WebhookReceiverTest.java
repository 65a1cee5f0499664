package dev.hookgen.runtime.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.runtime.WebhookParseException;
import dev.hookgen.runtime.catalog.Ping;
import dev.hookgen.runtime.catalog.TestEvent;
import dev.hookgen.runtime.catalog.UnknownTestEvent;
import dev.hookgen.runtime.receiver.WebhookReceiver.Outcome;
import dev.hookgen.runtime.receiver.WebhookReceiver.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The framework-free core and its status policy, called the way a servlet or controller would call it. */
class WebhookReceiverTest {

    private static final String AUTH = basic("u", "p:with:colons");

    private static final String PING = "{\"trigger\":\"ping\",\"data\":{\"id\":\"p-1\"},\"webhook\":\"w\"}";

    @TempDir
    Path dir;

    private final List<TestEvent> handled = Collections.synchronizedList(new ArrayList<>());

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
    }

    private WebhookReceiver.Builder<TestEvent> builder() throws IOException {
        return WebhookReceiver.builder(TestEvent.reader())
                .credentials(List.of(new Credentials("u", "p:with:colons")))
                .deadLetters(new DeadLetters(dir.resolve("dead")))
                .handler(handled::add);
    }

    private static Response post(WebhookReceiver<TestEvent> receiver, String body) {
        byte[] bytes = body.getBytes(UTF_8);
        return receiver.handle(AUTH, new ByteArrayInputStream(bytes), bytes.length);
    }

    @Test
    void aNewEventIsHandledThenAnsweredOk() throws IOException {
        Response response = post(builder().build(), PING);
        assertEquals(200, response.status());
        assertEquals(Outcome.ACCEPTED, response.outcome());
        assertEquals("ping", response.trigger());
        assertEquals("accepted\n", response.body());
        assertEquals("p-1", assertInstanceOf(Ping.class, handled.get(0)).getData().getId());
    }

    @Test
    void toleratedDriftIsHandledAsUsualAndReportedOncePerPlace() throws IOException {
        WebhookReceiver<TestEvent> receiver = builder().build();
        Response first = post(receiver, "{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"at\":\"soon\"}}");
        assertEquals(Outcome.ACCEPTED, first.outcome());
        assertEquals("[$.data.at: integer expected, found string \"soon\"]", first.newDrift().toString());
        Response second = post(receiver, "{\"trigger\":\"ping\",\"data\":{\"id\":\"2\",\"at\":\"later\"}}");
        assertEquals(Outcome.ACCEPTED, second.outcome());
        assertEquals(List.of(), second.newDrift());
        assertEquals(Map.of("ping $.data.at", 2L), receiver.driftCounts());
        assertEquals("trigger=ping outcome=accepted new_drift=\"$.data.at (integer expected)\"", first.logFields());
        assertEquals("trigger=ping outcome=accepted", second.logFields());
        assertEquals(2, handled.size());
        assertEquals(List.of(), post(receiver, PING).newDrift());
    }

    @Test
    void anUnknownTriggerIsHandledToo() throws IOException {
        Response response = post(builder().build(), "{\"trigger\":\"pong\",\"webhook\":\"w\"}");
        assertEquals(Outcome.ACCEPTED, response.outcome());
        assertInstanceOf(UnknownTestEvent.class, handled.get(0));
    }

    @Test
    void aRepeatedDeliveryIsADuplicateAnsweredOkAndNotHandledAgain() throws IOException {
        WebhookReceiver<TestEvent> receiver = builder().build();
        post(receiver, PING);
        Response again = post(receiver, "{ \"webhook\": \"w\", \"data\": {\"id\": \"p-1\"}, \"trigger\": \"ping\" }");
        assertEquals(Outcome.DUPLICATE, again.outcome());
        assertEquals(200, again.status());
        assertEquals(1, handled.size());
    }

    @Test
    void aDuplicateOfADeliveryStillBeingHandledGets409() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        WebhookReceiver<TestEvent> receiver = builder().handler(event -> {
            inHandler.countDown();
            release.await(5, TimeUnit.SECONDS);
        }).build();
        Thread first = new Thread(() -> post(receiver, PING));
        first.start();
        assertTrue(inHandler.await(5, TimeUnit.SECONDS));
        Response second = post(receiver, PING);
        release.countDown();
        first.join();
        assertEquals(Outcome.IN_FLIGHT, second.outcome());
        assertEquals(409, second.status());
        assertEquals(Outcome.DUPLICATE, post(receiver, PING).outcome(), "after the first attempt succeeded");
    }

    @Test
    void aFailingHandlerGets500AndTheRetryIsHandledNotTakenForADuplicate() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("disk full");
        WebhookReceiver<TestEvent> receiver = builder().handler(event -> {
            if (attempts.incrementAndGet() == 1) {
                throw failure;
            }
            handled.add(event);
        }).build();
        Response first = post(receiver, PING);
        assertEquals(Outcome.FAILED, first.outcome());
        assertEquals(500, first.status());
        assertSame(failure, first.failureCause().orElseThrow());
        assertEquals(Outcome.ACCEPTED, post(receiver, PING).outcome());
        assertEquals(1, handled.size());
    }

    @Test
    void aFailingStoreGets500AndNothingIsHandled() throws IOException {
        IdempotencyStore broken = new IdempotencyStore() {
            @Override
            public Claim claim(String key) {
                throw new IllegalStateException("store down");
            }

            @Override
            public void complete(String key) {
            }

            @Override
            public void release(String key) {
            }
        };
        Response response = post(builder().idempotencyStore(broken).build(), PING);
        assertEquals(Outcome.FAILED, response.outcome());
        assertEquals("cannot check for duplicates\n", response.body());
        assertTrue(handled.isEmpty());
    }

    @Test
    void driftIsSavedWholeAsADeadLetterAndAnsweredOk() throws IOException {
        String drifted = "{\"trigger\":\"ping\",\"data\":{\"id\":7}}";
        Response response = post(builder().build(), drifted);
        assertEquals(Outcome.DEAD_LETTERED, response.outcome());
        assertEquals(200, response.status());
        assertEquals("ping", response.trigger());
        assertEquals("saved for review: the payload does not fit the schema at $.data.id\n", response.body());
        assertInstanceOf(WebhookParseException.class, response.failureCause().orElseThrow());
        List<Path> letters;
        try (var files = Files.list(dir.resolve("dead"))) {
            letters = files.toList();
        }
        assertEquals(1, letters.size());
        assertTrue(letters.get(0).getFileName().toString().matches("ping\\.[0-9a-f]{64}\\.json"), letters.toString());
        assertEquals(drifted, Files.readString(letters.get(0)));
        assertTrue(handled.isEmpty());
    }

    @Test
    void aDeadLetterThatCannotBeSavedGets500() throws IOException {
        WebhookReceiver<TestEvent> receiver = builder().build();
        Files.delete(dir.resolve("dead"));
        Files.writeString(dir.resolve("dead"), "a file where the folder was");
        Response response = post(receiver, "{\"trigger\":\"ping\",\"data\":{\"id\":7}}");
        assertEquals(Outcome.FAILED, response.outcome());
        assertEquals("cannot save the payload; retry\n", response.body());
    }

    @Test
    void aBodyThatIsNotAJsonObjectGets400() throws IOException {
        for (String body : List.of("", "[]", "{\"trigger\":", "{\"trigger\":\"ping\",\"trigger\":\"ping\"}")) {
            Response response = post(builder().build(), body);
            assertEquals(Outcome.MALFORMED, response.outcome(), body);
            assertEquals(400, response.status());
            assertNull(response.trigger());
        }
        assertTrue(handled.isEmpty());
    }

    @Test
    void anOversizeBodyIsRefusedByItsContentLengthWithoutReadingAByte() throws IOException {
        CountingStream body = new CountingStream(Long.MAX_VALUE);
        Response response = builder().maxBodyBytes(1024).build().handle(AUTH, body, 1025);
        assertEquals(413, response.status());
        assertEquals(Outcome.TOO_LARGE, response.outcome());
        assertEquals("the body is larger than 1024 bytes\n", response.body());
        assertEquals(0, body.read);
    }

    @Test
    void anOversizeBodyOfUnknownLengthIsReadOnlyOneBytePastTheLimit() throws IOException {
        CountingStream endless = new CountingStream(Long.MAX_VALUE);
        Response response = builder().maxBodyBytes(1024).build().handle(AUTH, endless, -1);
        assertEquals(413, response.status());
        assertEquals(1025, endless.read);
    }

    @Test
    void theBodyLimitDefaultsToTheParsersDocumentLimit() throws IOException {
        assertEquals(1 << 20, builder().build().maxBodyBytes());
        assertEquals(100, builder().maxBodyBytes(100).build().maxBodyBytes());
        assertEquals("maxBodyBytes out of range: 0", assertThrows(IllegalArgumentException.class, () -> builder().maxBodyBytes(0))
                .getMessage());
    }

    @Test
    void credentialsAreCheckedBeforeTheBodyIsTouched() throws IOException {
        WebhookReceiver<TestEvent> receiver = builder().build();
        for (String header : new String[] {null, "", basic("u", "p"), basic("v", "p:with:colons"), "Bearer x", "Basic", "Basic !!!",
                "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(UTF_8)), basic("u", "p:with:colons") + "x"}) {
            CountingStream body = new CountingStream(10);
            Response response = receiver.handle(header, body, 10);
            assertEquals(401, response.status(), String.valueOf(header));
            assertEquals(Map.of("WWW-Authenticate", "Basic realm=\"cometchat-webhooks\", charset=\"UTF-8\"", "Connection", "close"),
                    response.headers());
            assertEquals(0, body.read);
        }
    }

    @Test
    void theAnswerBeforeTheBodyIs401Or413AndNothingForARequestWhoseBodyIsWanted() throws IOException {
        WebhookReceiver<TestEvent> receiver = builder().maxBodyBytes(1024).build();
        Response unauthorized = receiver.answerBeforeBody(basic("u", "wrong"), 10).orElseThrow();
        assertEquals(401, unauthorized.status());
        assertEquals(Map.of("WWW-Authenticate", "Basic realm=\"cometchat-webhooks\", charset=\"UTF-8\"", "Connection", "close"),
                unauthorized.headers());
        assertEquals(401, receiver.answerBeforeBody(null, 1025).orElseThrow().status(), "credentials first, then the size");
        Response tooLarge = receiver.answerBeforeBody(AUTH, 1025).orElseThrow();
        assertEquals(Outcome.TOO_LARGE, tooLarge.outcome());
        assertEquals("the body is larger than 1024 bytes\n", tooLarge.body());
        assertTrue(receiver.answerBeforeBody(AUTH, 1024).isEmpty());
        assertTrue(receiver.answerBeforeBody(AUTH, -1).isEmpty(), "chunked: the length is checked while reading");
    }

    @Test
    void refusalsCloseTheConnectionAndDeliveriesKeepIt() throws IOException {
        WebhookReceiver<TestEvent> receiver = builder().maxBodyBytes(1024).build();
        Map<String, String> close = Map.of("Connection", "close");
        assertEquals(close, receiver.answerBeforeBody(AUTH, 1025).orElseThrow().headers(), "413 by Content-Length");
        assertEquals(close, receiver.handle(AUTH, new ByteArrayInputStream(new byte[2048]), -1).headers(), "413 past the limit");
        assertEquals(close, post(receiver, "{broken").headers(), "400");
        assertEquals(close, receiver.handle(AUTH, new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the client went away");
            }
        }, -1).headers(), "400, unreadable");
        assertEquals("close", receiver.answerBeforeBody(null, -1).orElseThrow().headers().get("Connection"), "401");
        assertEquals(Map.of(), post(receiver, PING).headers(), "200 accepted");
        assertEquals(Map.of(), post(receiver, PING).headers(), "200 duplicate");
        assertEquals(Map.of(), post(receiver, "{\"trigger\":\"ping\",\"data\":{\"id\":424242}}").headers(), "200 dead letter");
        Response failed = builder().handler(event -> {
            throw new IOException("No space left on device");
        }).build().handle(AUTH, new ByteArrayInputStream(PING.getBytes(UTF_8)), -1);
        assertEquals(Map.of(), failed.headers(), "500: CometChat retries, on the same connection if it likes");
    }

    @Test
    void theLogFieldsNameTriggerOutcomeAndThePathOfADriftButNeverTheParsersMessage() throws IOException {
        WebhookReceiver<TestEvent> receiver = builder().build();
        assertEquals("trigger=ping outcome=accepted", post(receiver, PING).logFields());
        assertEquals("trigger=ping outcome=duplicate", post(receiver, PING).logFields());
        assertEquals("trigger=- outcome=unauthorized", receiver.answerBeforeBody(null, -1).orElseThrow().logFields());
        assertEquals("trigger=- outcome=malformed", post(receiver, "{broken secret").logFields());
        assertEquals("trigger=ping outcome=dead_lettered at=$.data.id",
                post(receiver, "{\"trigger\":\"ping\",\"data\":{\"id\":424242}}").logFields(), "the value stays out");
        Response failed = builder().handler(event -> {
            throw new IOException("No space left on device");
        }).build().handle(AUTH, new ByteArrayInputStream(PING.getBytes(UTF_8)), -1);
        assertEquals("trigger=ping outcome=failed error=\"IOException: No space left on device\"", failed.logFields());
    }

    @Test
    void everyLoggedFieldFromTheRequestIsEscapedAndCapped() throws IOException {
        WebhookReceiver<TestEvent> receiver = builder().build();
        String forged = "pong\\n2026-01-01T00:00:00Z POST / status=200 trigger=ping";
        String fields = post(receiver, "{\"trigger\":\"" + forged + "\",\"webhook\":\"w\"}").logFields();
        assertEquals("trigger=\"pong\\u000a2026-01-01T00:00:00Z POST / status=200 trigger=ping\" outcome=accepted", fields);
        String ansi = post(receiver, "{\"trigger\":\"\\u001b[2J\\r\\u0000x\",\"webhook\":\"w\"}").logFields();
        assertEquals("trigger=\\u001b[2J\\u000d\\u0000x outcome=accepted", ansi);
        String huge = post(receiver, "{\"trigger\":\"" + "t".repeat(10_240) + "\",\"webhook\":\"w\"}").logFields();
        assertEquals("trigger=\"" + "t".repeat(64) + "...(10240 chars)\" outcome=accepted", huge);
        String key = "{\"trigger\":\"ping\",\"data\":{\"id\":{\"a\\nb\": 1}}}";
        assertEquals("trigger=ping outcome=dead_lettered at=$.data.id", post(receiver, key).logFields());
    }

    @Test
    void aPasswordMayContainColonsTheSchemeIsCaseInsensitiveAndEveryPairIsAccepted() throws IOException {
        WebhookReceiver<TestEvent> receiver = builder()
                .credentials(List.of(new Credentials("old", "1"), new Credentials("u", "p:with:colons"))).build();
        byte[] body = PING.getBytes(UTF_8);
        assertEquals(200, receiver.handle(AUTH.replace("Basic", "basic"), new ByteArrayInputStream(body), body.length).status());
        assertEquals(200, receiver.handle(" " + basic("old", "1") + " ", new ByteArrayInputStream(body), body.length).status());
    }

    @Test
    void theBuilderRefusesAReceiverWithoutCredentialsDeadLettersOrHandler() throws IOException {
        assertEquals("at least one user name and password are needed", assertThrows(IllegalArgumentException.class,
                () -> WebhookReceiver.builder(TestEvent.reader()).deadLetters(new DeadLetters(dir)).handler(handled::add).build())
                .getMessage());
        assertThrows(NullPointerException.class, () -> WebhookReceiver.builder(TestEvent.reader())
                .credentials(List.of(new Credentials("u", "p"))).handler(handled::add).build());
        assertThrows(NullPointerException.class, () -> WebhookReceiver.builder(TestEvent.reader())
                .credentials(List.of(new Credentials("u", "p"))).deadLetters(new DeadLetters(dir)).build());
    }

    @Test
    void credentialsParseAndNeverShowThePassword() {
        assertEquals(List.of(new Credentials("a", "1"), new Credentials("b", "2:3")), Credentials.parseList("a:1, b:2:3,"));
        assertEquals("Credentials[username=a, password=***]", new Credentials("a", "secret").toString());
        assertEquals("credentials must be user:password, and this has no ':'",
                assertThrows(IllegalArgumentException.class, () -> Credentials.parse("secret-without-user")).getMessage());
        assertEquals("empty password for user a", assertThrows(IllegalArgumentException.class, () -> Credentials.parse("a:")).getMessage());
        assertEquals("a Basic Auth user name is not empty and has no ':'",
                assertThrows(IllegalArgumentException.class, () -> new Credentials("", "x")).getMessage());
    }

    /** Spaces, up to a length, counting what was read. */
    private static final class CountingStream extends InputStream {
        private final long length;
        long read;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (read >= length) {
                return -1;
            }
            read++;
            return ' ';
        }
    }
}
