package dev.hookgen.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.runtime.receiver.EventHandler;
import dev.hookgen.runtime.receiver.QueuedHandler;
import dev.hookgen.runtime.receiver.WebhookReceiver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver over real HTTP on loopback, posted to with {@code java.net.http}. */
class ReceiverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everySampleIsAnsweredOkAndWrittenAsExactlyOneLine() throws Exception {
        Map<String, byte[]> samples = Samples.all();
        assertTrue(samples.size() >= 37, "one sample per trigger at least, found " + samples.size());
        Set<String> keys = new HashSet<>();
        for (byte[] sample : samples.values()) {
            keys.add(WebhookEvents.parse(sample).idempotencyKey());
        }
        assertEquals(samples.size(), keys.size(), "the samples are distinct deliveries");

        try (TestReceiver receiver = new TestReceiver(dir)) {
            for (String name : samples.keySet()) {
                HttpResponse<String> response = receiver.post(name);
                assertEquals(200, response.statusCode(), name + ": " + response.body());
                assertEquals("accepted\n", response.body(), name);
            }
            List<String> lines = receiver.lines();
            assertEquals(samples.size(), lines.size());
            int i = 0;
            for (byte[] sample : samples.values()) {
                WebhookEvent sent = WebhookEvents.parse(sample);
                WebhookEvent written = WebhookEvents.parse(lines.get(i++));
                assertEquals(sent.idempotencyKey(), written.idempotencyKey());
                assertEquals(JSON.readTree(WebhookEvents.toJson(sent)), JSON.readTree(lines.get(i - 1)));
            }
            assertEquals(List.of(), receiver.deadLetters());
        }
    }

    @Test
    void aRepeatedDeliveryIsAnsweredOkAndWrittenOnce() throws Exception {
        try (TestReceiver receiver = new TestReceiver(dir)) {
            assertEquals("accepted\n", receiver.post("message_sent.json").body());
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> again = receiver.post("message_sent.json");
                assertEquals(200, again.statusCode());
                assertEquals("duplicate\n", again.body());
            }
            assertEquals(1, receiver.lines().size());
        }
    }

    @Test
    void missingOrWrongCredentialsGet401WithAChallenge() throws Exception {
        byte[] sample = Samples.get("message_sent.json");
        try (TestReceiver receiver = new TestReceiver(dir)) {
            List<String> wrong = List.of(
                    TestReceiver.basic(TestReceiver.USER, "wrong"),
                    TestReceiver.basic("someone", TestReceiver.PASSWORD),
                    TestReceiver.basic(TestReceiver.USER, TestReceiver.PASSWORD + "x"),
                    TestReceiver.basic(TestReceiver.USER, TestReceiver.ROTATED_PASSWORD.substring(1)),
                    "Basic " + java.util.Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
                    "Basic !!! not base64",
                    "Bearer " + TestReceiver.PASSWORD,
                    "");
            for (String header : wrong) {
                HttpResponse<String> response = receiver.send(HttpRequest.newBuilder(receiver.endpoint())
                        .header("Authorization", header).POST(HttpRequest.BodyPublishers.ofByteArray(sample)).build());
                assertEquals(401, response.statusCode(), header);
                assertEquals("Basic realm=\"cometchat-webhooks\", charset=\"UTF-8\"",
                        response.headers().firstValue("WWW-Authenticate").orElseThrow(), header);
            }
            HttpResponse<String> none = receiver.send(HttpRequest.newBuilder(receiver.endpoint())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(sample)).build());
            assertEquals(401, none.statusCode());
            assertEquals("unauthorized\n", none.body());
            assertEquals(List.of(), receiver.lines());
        }
    }

    @Test
    void everyAcceptedPairWorksSoThatPasswordsCanBeRotated() throws Exception {
        try (TestReceiver receiver = new TestReceiver(dir)) {
            HttpResponse<String> rotated = receiver.send(receiver.post(Samples.get("message_sent.json"))
                    .setHeader("Authorization", TestReceiver.basic(TestReceiver.ROTATED_USER, TestReceiver.ROTATED_PASSWORD))
                    .setHeader("Content-Type", "text/plain")
                    .build());
            assertEquals(200, rotated.statusCode(), "the Content-Type is not looked at");
            assertEquals(1, receiver.lines().size());
        }
    }

    @Test
    void aBodyThatIsNotAJsonObjectGets400AndIsNeitherWrittenNorDeadLettered() throws Exception {
        Map<String, String> bodies = Map.of(
                "", "empty body: a webhook is a JSON object",
                "[1, 2]", "line 1, column 1: the body must be a JSON object, not an array",
                "{\"trigger\": \"message_sent\", \"data\": ", "not valid JSON",
                "{\"trigger\": \"message_sent\",}", "not valid JSON",
                "hello", "not valid JSON",
                "{\"trigger\": \"a\", \"trigger\": \"b\"}", "Duplicate field 'trigger'",
                "{\"a\": 1} {\"b\": 2}", "unexpected content after the JSON object");
        try (TestReceiver receiver = new TestReceiver(dir)) {
            for (Map.Entry<String, String> body : bodies.entrySet()) {
                HttpResponse<String> response = receiver.send(receiver.post(body.getKey().getBytes(StandardCharsets.UTF_8)).build());
                assertEquals(400, response.statusCode(), body.getKey());
                assertTrue(response.body().contains(body.getValue()), body.getKey() + " answered " + response.body());
            }
            byte[] notUtf8 = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            assertEquals(400, receiver.send(receiver.post(notUtf8).build()).statusCode());
            byte[] deep = ("{\"trigger\":\"message_sent\",\"data\":" + "[".repeat(100) + "]".repeat(100) + "}").getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> tooDeep = receiver.send(receiver.post(deep).build());
            assertEquals(400, tooDeep.statusCode());
            assertTrue(tooDeep.body().contains("nesting depth (65) exceeds the maximum allowed (64"), tooDeep.body());
            assertEquals(List.of(), receiver.lines());
            assertEquals(List.of(), receiver.deadLetters());
        }
    }

    @Test
    void driftedJsonIsSavedWholeAsADeadLetterAndAnsweredOk() throws Exception {
        String sample = new String(Samples.get("message_sent.json"), StandardCharsets.UTF_8);
        byte[] drifted = sample.replace("\"sentAt\": 1696934912", "\"sentAt\": \"soon\"").getBytes(StandardCharsets.UTF_8);
        assertFalse(Arrays.equals(drifted, sample.getBytes(StandardCharsets.UTF_8)), "the sample has the field this test changes");
        byte[] noTrigger = "{\"data\": {}, \"webhook\": \"w\"}".getBytes(StandardCharsets.UTF_8);
        try (TestReceiver receiver = new TestReceiver(dir)) {
            HttpResponse<String> response = receiver.send(receiver.post(drifted).build());
            assertEquals(200, response.statusCode());
            assertEquals("saved for review: the payload does not fit the schema at $.data.message.sentAt\n", response.body());
            assertEquals(200, receiver.send(receiver.post(drifted).build()).statusCode(), "delivered again");
            assertEquals(200, receiver.send(receiver.post(noTrigger).build()).statusCode());

            List<Path> files = receiver.deadLetters();
            assertEquals(2, files.size(), files.toString());
            assertTrue(files.get(0).getFileName().toString().matches("message_sent\\.[0-9a-f]{64}\\.json"), files.toString());
            assertArrayEquals(drifted, Files.readAllBytes(files.get(0)), "saved whole, byte for byte");
            assertTrue(files.get(1).getFileName().toString().startsWith("no-trigger."), files.toString());
            assertArrayEquals(noTrigger, Files.readAllBytes(files.get(1)));
            assertEquals(List.of(), receiver.lines());
            String log = receiver.log(1).get(0);
            assertTrue(log.matches("\\S+Z POST /webhooks/cometchat status=200 ms=\\d+ trigger=message_sent .*"), log);
            assertTrue(log.endsWith("outcome=dead_lettered at=$.data.message.sentAt"), log);
        }
    }

    @Test
    void toleratedDriftIsWrittenAsUsualAndLoggedOncePerPlace() throws Exception {
        String sample = new String(Samples.get("message_sent.json"), StandardCharsets.UTF_8);
        // lastActiveAt is optional: another type is tolerated, kept and written back
        String first = sample.replace("\"lastActiveAt\": 1696934440", "\"lastActiveAt\": \"yesterday\"");
        String second = first.replace("\"id\": \"1\"", "\"id\": \"2\"");
        assertFalse(first.equals(sample) || second.equals(first), "the sample has the fields this test changes");
        try (TestReceiver receiver = new TestReceiver(dir)) {
            assertEquals("accepted\n", receiver.send(receiver.post(first.getBytes(StandardCharsets.UTF_8)).build()).body());
            assertEquals("accepted\n", receiver.send(receiver.post(second.getBytes(StandardCharsets.UTF_8)).build()).body());
            List<String> lines = receiver.lines();
            assertEquals(2, lines.size());
            ObjectMapper json = new ObjectMapper();
            assertEquals(json.readTree(first), json.readTree(lines.get(0)), "written back as it came");
            List<String> log = receiver.log(2);
            long named = log.stream().filter(line -> line.contains("new_drift=")).count();
            assertEquals(1, named, log.toString());
            assertTrue(log.stream().anyMatch(line -> line.endsWith(
                    "new_drift=\"$.data.message.data.entities.sender.entity.lastActiveAt (integer expected)\"")), log.toString());
            assertEquals(Map.of("message_sent $.data.message.data.entities.sender.entity.lastActiveAt", 2L), receiver.receiver.driftCounts());
        }
    }

    @Test
    void aBodyOverTheLimitGets413() throws Exception {
        byte[] sample = Samples.get("message_sent.json");
        int limit = 4096;
        byte[] exactly = Arrays.copyOf(sample, limit);
        Arrays.fill(exactly, sample.length, limit, (byte) ' ');
        byte[] over = Arrays.copyOf(exactly, limit + 1);
        over[limit] = ' ';
        try (TestReceiver receiver = new TestReceiver(dir, lines -> lines, limit)) {
            HttpResponse<String> declared = receiver.send(receiver.post(over).build());
            assertEquals(413, declared.statusCode());
            assertEquals("the body is larger than 4096 bytes\n", declared.body());

            HttpResponse<String> chunked = receiver.send(receiver.post(over)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over))).build());
            assertEquals(413, chunked.statusCode(), "no Content-Length: read up to one byte past the limit");

            assertEquals("HTTP/1.1 413 Payload Too Large", answerBeforeTheBody(receiver, 8L << 30),
                    "an 8 GiB Content-Length is answered before the body is sent");

            assertEquals(200, receiver.send(receiver.post(exactly).build()).statusCode(), "a body of exactly the limit is fine");
            assertEquals(1, receiver.lines().size());
        }
    }

    @Test
    void aFailingHandlerGets500AndTheRetryIsHandledNotTakenForADuplicate() throws Exception {
        AtomicBoolean failing = new AtomicBoolean(true);
        EventHandler<WebhookEvent> flaky = event -> {
            if (failing.get()) {
                throw new IOException("No space left on device");
            }
        };
        try (TestReceiver receiver = new TestReceiver(dir, lines -> event -> {
            flaky.handle(event);
            lines.handle(event);
        }, WebhookReceiver.DEFAULT_MAX_BODY_BYTES)) {
            HttpResponse<String> failed = receiver.post("message_sent.json");
            assertEquals(500, failed.statusCode());
            assertEquals("the event could not be handled; retry\n", failed.body());
            assertEquals(List.of(), receiver.lines());
            String log = receiver.log(1).get(0);
            assertTrue(log.endsWith("outcome=failed error=\"IOException: No space left on device\""), log);

            failing.set(false);
            HttpResponse<String> retried = receiver.post("message_sent.json");
            assertEquals(200, retried.statusCode());
            assertEquals("accepted\n", retried.body());
            assertEquals(1, receiver.lines().size());
        }
    }

    @Test
    void otherPathsGet404AndOtherMethods405() throws Exception {
        try (TestReceiver receiver = new TestReceiver(dir)) {
            byte[] sample = Samples.get("message_sent.json");
            for (String path : List.of("/", "/webhooks", "/webhooks/cometchat/extra", "/webhooks/cometchatx")) {
                HttpResponse<String> response = receiver.send(receiver.post(sample).uri(receiver.endpoint().resolve(path)).build());
                assertEquals(404, response.statusCode(), path);
            }
            HttpResponse<String> get = receiver.send(HttpRequest.newBuilder(receiver.endpoint())
                    .header("Authorization", TestReceiver.basic(TestReceiver.USER, TestReceiver.PASSWORD)).GET().build());
            assertEquals(405, get.statusCode());
            assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
            HttpResponse<String> put = receiver.send(receiver.post(sample).PUT(HttpRequest.BodyPublishers.ofByteArray(sample)).build());
            assertEquals(405, put.statusCode());
            assertEquals(List.of(), receiver.lines());
        }
    }

    @Test
    void oneLogLinePerRequestWithTriggerStatusAndMillisButNoBodyOrCredentials() throws Exception {
        try (TestReceiver receiver = new TestReceiver(dir)) {
            receiver.post("message_sent.json");
            receiver.post("message_sent.json");
            receiver.send(receiver.post("{broken".getBytes(StandardCharsets.UTF_8)).build());
            receiver.send(receiver.post(Samples.get("user_blocked.json"))
                    .setHeader("Authorization", TestReceiver.basic(TestReceiver.USER, "guess")).build());

            String line = "\\S+Z POST /webhooks/cometchat status=%d ms=\\d+ trigger=%s outcome=%s";
            List<String> log = receiver.assertLog(line.formatted(200, "message_sent", "accepted"), line.formatted(200, "message_sent", "duplicate"),
                    line.formatted(400, "-", "malformed"), line.formatted(401, "-", "unauthorized"));
            String all = String.join("\n", log);
            for (String secret : List.of(TestReceiver.PASSWORD, "guess", TestReceiver.basic(TestReceiver.USER, TestReceiver.PASSWORD).substring(6),
                    "Andrew Joseph", "broken")) {
                assertFalse(all.contains(secret), secret);
            }
        }
    }

    @Test
    void eightThreadsPostingFiveHundredEventsEachAreEachWrittenExactlyOnceWithNoTornLine() throws Exception {
        ObjectNode template = (ObjectNode) JSON.readTree(Samples.get("message_sent.json"));
        int threads = 8;
        int perThread = 500;
        try (TestReceiver receiver = new TestReceiver(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<List<Integer>>> results = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        ObjectNode event = template.deepCopy();
                        ((ObjectNode) event.path("data").path("message")).put("id", thread + "-" + i);
                        statuses.add(receiver.send(receiver.post(JSON.writeValueAsBytes(event)).build()).statusCode());
                    }
                    return statuses;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Future<List<Integer>> result : results) {
                assertEquals(Set.of(200), new HashSet<>(result.get(60, TimeUnit.SECONDS)));
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            pool.shutdown();

            List<String> lines = receiver.lines();
            assertEquals(threads * perThread, lines.size());
            Set<String> ids = new HashSet<>();
            for (String line : lines) {
                JsonNode event = JSON.readTree(line); // a torn or interleaved line fails here
                assertEquals("message_sent", event.path("trigger").asText());
                assertTrue(ids.add(event.path("data").path("message").path("id").asText()), "written twice: " + line);
            }
            assertEquals(threads * perThread, ids.size());
            assertTrue(Files.readString(receiver.events).endsWith("}\n"));
            System.out.printf("%d deliveries from %d threads in %d ms, each line fsynced%n", threads * perThread, threads, millis);
        }
    }

    @Test
    void theSameDeliveryArrivingAtOnceIsWrittenOnce() throws Exception {
        CountDownLatch bothIn = new CountDownLatch(1);
        EventHandler<WebhookEvent> slow = event -> bothIn.await(2, TimeUnit.SECONDS);
        byte[] sample = Samples.get("message_sent.json");
        try (TestReceiver receiver = new TestReceiver(dir, lines -> event -> {
            slow.handle(event);
            lines.handle(event);
        }, WebhookReceiver.DEFAULT_MAX_BODY_BYTES)) {
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(receiver.client.sendAsync(receiver.post(sample).build(), HttpResponse.BodyHandlers.ofString()));
            }
            List<Integer> statuses = new CopyOnWriteArrayList<>();
            for (CompletableFuture<HttpResponse<String>> response : sent) {
                HttpResponse<String> r = response.get(10, TimeUnit.SECONDS);
                statuses.add(r.statusCode());
                if (r.statusCode() == 409) {
                    bothIn.countDown();
                }
            }
            assertTrue(statuses.contains(200), statuses.toString());
            assertTrue(Set.of(200, 409).containsAll(statuses), statuses.toString());
            assertEquals(1, receiver.lines().size());
            assertEquals(200, receiver.post("message_sent.json").statusCode());
            assertEquals(1, receiver.lines().size());
        }
    }

    @Test
    void slowWorkOnAQueueKeepsTheAnswerFast() throws Exception {
        CountDownLatch workMayFinish = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        List<Exception> failures = new CopyOnWriteArrayList<>();
        QueuedHandler<WebhookEvent> slow = new QueuedHandler<>(event -> {
            workMayFinish.await(); // stands for a call that takes seconds
            done.add(event.getTrigger());
        }, 100, 1, failures::add);
        // the durable step first, then the queue: the order the README recommends
        try (TestReceiver receiver = new TestReceiver(dir, lines -> event -> {
            lines.handle(event);
            slow.handle(event);
        }, WebhookReceiver.DEFAULT_MAX_BODY_BYTES)) {
            long began = System.nanoTime();
            HttpResponse<String> response = receiver.post("message_sent.json");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            assertEquals(200, response.statusCode());
            assertTrue(millis < 2_000, "answered in " + millis + " ms");
            assertEquals(1, receiver.lines().size(), "the event is safe before the answer");
            assertEquals(List.of(), done, "the work is still waiting");

            workMayFinish.countDown();
            assertTrue(slow.close(5_000), "close finishes the queued work");
            assertEquals(List.of("message_sent"), done);
            assertEquals(List.of(), failures);
            HttpResponse<String> afterClose = receiver.post("user_blocked.json");
            assertEquals(500, afterClose.statusCode(), "a closed queue takes nothing: CometChat retries");
            receiver.assertLog(".* status=200 .*", ".* status=500 .*" + Pattern.quote("error=\"RejectedExecutionException: the work queue is closed\""));
        }
    }

    @Test
    void closingFinishesTheRequestInFlightAndRefusesNewConnections() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        EventHandler<WebhookEvent> blocking = event -> {
            inHandler.countDown();
            mayFinish.await();
        };
        TestReceiver receiver = new TestReceiver(dir, lines -> event -> {
            blocking.handle(event);
            lines.handle(event);
        }, WebhookReceiver.DEFAULT_MAX_BODY_BYTES);
        int port = receiver.server.address().getPort();
        CompletableFuture<HttpResponse<String>> inFlight = receiver.client.sendAsync(
                receiver.post(Samples.get("message_sent.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(inHandler.await(5, TimeUnit.SECONDS));

        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
            try {
                receiver.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(refusesConnections(port), "the listening socket is closed at once");
        Thread.sleep(1_500); // longer than Jetty's idle timeout for connections of a server shutting down
        assertFalse(closing.isDone(), "close waits for the request in flight");

        mayFinish.countDown();
        assertEquals(200, inFlight.get(5, TimeUnit.SECONDS).statusCode());
        closing.get(10, TimeUnit.SECONDS);
        assertEquals(1, receiver.lines().size(), "written and flushed before the answer");
    }

    /** Sends only the headers of a POST that announces a body of {@code length} bytes, and reads the status line. */
    private static String answerBeforeTheBody(TestReceiver receiver, long length) throws IOException {
        try (Socket socket = new Socket(java.net.InetAddress.getLoopbackAddress(), receiver.server.address().getPort())) {
            socket.setSoTimeout(5_000);
            String head = "POST " + HttpReceiverServer.DEFAULT_PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + TestReceiver.basic(TestReceiver.USER, TestReceiver.PASSWORD) + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n{\"trigger\":";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return in.readLine();
        }
    }

    private static boolean refusesConnections(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try {
                new Socket(java.net.InetAddress.getLoopbackAddress(), port).close();
                Thread.sleep(20);
            } catch (ConnectException refused) {
                return true;
            } catch (IOException other) {
                Thread.sleep(20);
            }
        }
        return false;
    }
}
