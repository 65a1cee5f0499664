package dev.hookgen.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that try to hold the receiver over real sockets on loopback: slow request heads and bodies, idle and
 * surplus connections. CometChat's delivery must still be answered within its 2 seconds.
 */
class HostileClientsTest {

    @TempDir
    Path dir;

    /** Sends one more byte to each connection every 100 ms, from one thread, until closed. */
    private static final class Trickle implements AutoCloseable {
        private final List<RawClient> clients;
        private final List<byte[]> texts;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Trickle(List<RawClient> clients, List<byte[]> texts) {
            this.clients = clients;
            this.texts = texts;
            this.thread = new Thread(this::run, "trickle");
            thread.start();
        }

        private void run() {
            for (int i = 0; running.get(); i++) {
                for (int c = 0; c < clients.size(); c++) {
                    byte[] text = texts.get(c);
                    try {
                        clients.get(c).send(new byte[] {text[i % text.length]});
                    } catch (IOException closedByTheServer) {
                        // as it should be, for some
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            running.set(false);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (RawClient client : clients) {
                client.close();
            }
        }
    }

    /** A first delivery, so that what is timed is the server under attack, not the JVM warming up. */
    private static void warmUp(TestReceiver receiver) throws Exception {
        assertEquals(200, receiver.post("group_created.json").statusCode());
    }

    private static long millisToDeliver(TestReceiver receiver, String sample) throws Exception {
        long began = System.nanoTime();
        HttpResponse<String> response = receiver.post(sample);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        assertEquals(200, response.statusCode(), response.body());
        return millis;
    }

    @Test
    void sixtyFourSlowUnauthenticatedConnectionsLeaveADeliveryAnsweredInUnderASecond() throws Exception {
        try (TestReceiver receiver = new TestReceiver(dir)) {
            warmUp(receiver);
            int port = receiver.server.address().getPort();
            List<RawClient> slow = new ArrayList<>();
            List<byte[]> texts = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                RawClient client = new RawClient(port);
                slow.add(client);
                if (i % 2 == 0) { // half send their head a byte at a time
                    texts.add(("POST /webhooks/cometchat HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + "a".repeat(8000))
                            .getBytes(StandardCharsets.US_ASCII));
                } else { // half send their head at once and then their body a byte at a time
                    client.send(RawClient.head("POST", "/webhooks/cometchat", "Content-Length: 100000"));
                    texts.add("{".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
                }
            }
            assertEquals(16, TestReceiver.LIMITS.threads(), "more slow clients than threads");
            Trickle trickle = new Trickle(slow, texts);
            try {
                Thread.sleep(1_000); // every connection is well into its request
                List<Long> millis = new ArrayList<>();
                for (String sample : List.of("message_sent.json", "user_blocked.json", "call_ended.json")) {
                    millis.add(millisToDeliver(receiver, sample));
                }
                assertTrue(millis.stream().allMatch(m -> m < 1_000), "deliveries took " + millis + " ms");
                assertEquals(4, receiver.lines().size());
            } finally {
                trickle.close();
            }
            List<String> log = receiver.log(36);
            assertEquals(32, log.stream().filter(line -> line.contains(" status=401 ")).count(),
                    "the unauthenticated bodies were refused without waiting for them: " + log);
        }
    }

    @Test
    void slowAuthenticatedBodiesHoldNoThread() throws Exception {
        try (TestReceiver receiver = new TestReceiver(dir, TestReceiver.LIMITS.withThreads(2))) {
            warmUp(receiver);
            int port = receiver.server.address().getPort();
            List<RawClient> slow = new ArrayList<>();
            List<byte[]> texts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                RawClient client = new RawClient(port);
                slow.add(client);
                client.send(RawClient.head("POST", "/webhooks/cometchat", RawClient.authorization(), "Content-Length: 100000"));
                texts.add(" ".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
            }
            Trickle trickle = new Trickle(slow, texts);
            try {
                Thread.sleep(1_000);
                long millis = millisToDeliver(receiver, "message_sent.json");
                assertTrue(millis < 1_000, "took " + millis + " ms with 8 slow bodies and 2 threads");
            } finally {
                trickle.close();
            }
        }
    }

    @Test
    void aRequestHeadSlowerThanTheHeaderTimeoutLosesItsConnection() throws Exception {
        ServerLimits limits = TestReceiver.LIMITS.withHeaderTimeout(Duration.ofSeconds(1));
        try (TestReceiver receiver = new TestReceiver(dir, limits)) {
            int port = receiver.server.address().getPort();
            RawClient trickling = new RawClient(port);
            RawClient silent = new RawClient(port);
            RawClient keptAlive = new RawClient(port);
            keptAlive.send(RawClient.head("GET", "/webhooks/cometchat"));
            assertEquals(405, keptAlive.read().status());
            long began = System.nanoTime();
            Trickle trickle = new Trickle(List.of(trickling, keptAlive),
                    List.of(RawClient.head("POST", "/webhooks/cometchat", "X-Pad: " + "a".repeat(4000)).getBytes(StandardCharsets.US_ASCII),
                            RawClient.head("POST", "/webhooks/cometchat", "X-Pad: " + "b".repeat(4000)).getBytes(StandardCharsets.US_ASCII)));
            try {
                assertTrue(trickling.closedByServerWithin(4_000), "a head trickling in");
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                assertTrue(millis >= 900, "closed after " + millis + " ms, not before the timeout");
                assertTrue(silent.closedByServerWithin(2_000), "a connection that sends nothing");
                assertTrue(keptAlive.closedByServerWithin(2_000), "the second head on a kept-alive connection");
            } finally {
                trickle.close();
                silent.close();
            }
            assertEquals(200, receiver.post("message_sent.json").statusCode(), "a prompt client is served");
        }
    }

    @Test
    void aBodySlowerThanTheBodyTimeoutGets408AndTheConnectionIsClosed() throws Exception {
        ServerLimits limits = TestReceiver.LIMITS.withBodyTimeout(Duration.ofSeconds(1));
        try (TestReceiver receiver = new TestReceiver(dir, limits); RawClient slow = new RawClient(receiver.server.address().getPort())) {
            long began = System.nanoTime();
            slow.send(RawClient.head("POST", "/webhooks/cometchat", RawClient.authorization(), "Content-Length: 1000") + "{\"trigger\"");
            RawClient.Answer answer = slow.read();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            assertEquals("HTTP/1.1 408 Request Timeout", answer.statusLine());
            assertEquals("the body did not arrive in time\n", answer.body());
            assertEquals("close", answer.headers().get("connection"));
            assertTrue(millis >= 900 && millis < 5_000, "answered after " + millis + " ms");
            assertTrue(slow.closedByServerWithin(2_000));
            String log = receiver.log(1).get(0);
            assertTrue(log.matches("\\S+ POST /webhooks/cometchat status=408 ms=\\d+ outcome=timeout"), log);
            assertEquals(List.of(), receiver.lines());
        }
    }

    /**
     * A refused request is answered with {@code Connection: close} and its connection closed at once, so that a client
     * without credentials (or with a body that is not wanted) cannot keep a connection, up to {@code --max-connections}
     * of them, for the idle timeout. No body is sent after a head that announces one: the answer comes from the head.
     * Jetty's parser closes the connections of the requests it refuses itself (a control character in the path, a head
     * over 8 KiB), without the header.
     */
    @Test
    void everyRefusalClosesItsConnectionAtOnce() throws Exception {
        record Refusal(String statusLine, String request, boolean fromJetty) {
        }
        String length = "Content-Length: " + Samples.get("message_sent.json").length;
        String webhooks = "/webhooks/cometchat";
        List<Refusal> refusals = List.of(
                new Refusal("HTTP/1.1 401 Unauthorized", RawClient.head("POST", webhooks, length), false),
                new Refusal("HTTP/1.1 401 Unauthorized", RawClient.head("POST", webhooks, length,
                        "Authorization: " + TestReceiver.basic(TestReceiver.USER, "guess"), "Expect: 100-continue"), false),
                new Refusal("HTTP/1.1 413 Payload Too Large", RawClient.head("POST", webhooks, RawClient.authorization(),
                        "Content-Length: 4097"), false),
                new Refusal("HTTP/1.1 413 Payload Too Large", RawClient.head("POST", webhooks, RawClient.authorization(),
                        "Transfer-Encoding: chunked") + "2000\r\n" + "x".repeat(0x2000), false),
                new Refusal("HTTP/1.1 400 Bad Request", RawClient.head("POST", webhooks, RawClient.authorization(),
                        "Content-Length: 2") + "[]", false),
                new Refusal("HTTP/1.1 404 Not Found", RawClient.head("POST", "/", length), false),
                new Refusal("HTTP/1.1 405 Method Not Allowed", RawClient.head("GET", webhooks), false),
                new Refusal("HTTP/1.1 400 Bad Request", RawClient.head("POST", "/webhooks/\u0001cometchat", length), true),
                new Refusal("HTTP/1.1 431 Request Header Fields Too Large", RawClient.head("POST", webhooks,
                        "X-Padding: " + "x".repeat(ServerLimits.MAX_REQUEST_HEAD_BYTES), length), true));
        ServerLimits limits = TestReceiver.LIMITS.withIdleTimeout(Duration.ofSeconds(20)).withHeaderTimeout(Duration.ofSeconds(20));
        try (TestReceiver receiver = new TestReceiver(dir, lines -> lines, 4096, limits)) {
            for (Refusal refusal : refusals) {
                try (RawClient client = new RawClient(receiver.server.address().getPort())) {
                    RawClient.Answer answer = client.send(refusal.request()).read();
                    assertEquals(refusal.statusLine(), answer.statusLine());
                    if (!refusal.fromJetty()) {
                        assertEquals("close", answer.headers().get("connection"), answer.statusLine());
                    }
                    assertTrue(client.closedByServerWithin(2_000), answer.statusLine() + ": closed at once, not after the idle timeout");
                }
            }
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        ServerLimits limits = TestReceiver.LIMITS.withIdleTimeout(Duration.ofSeconds(2)).withHeaderTimeout(Duration.ofSeconds(20));
        byte[] sample = Samples.get("message_sent.json");
        try (TestReceiver receiver = new TestReceiver(dir, limits); RawClient client = new RawClient(receiver.server.address().getPort())) {
            client.send(RawClient.head("POST", "/webhooks/cometchat", RawClient.authorization(), "Content-Length: " + sample.length));
            RawClient.Answer accepted = client.send(sample).read();
            assertEquals(200, accepted.status());
            assertEquals(null, accepted.headers().get("connection"));
            assertFalse(client.closedByServerWithin(700), "kept alive at first");
            assertTrue(client.closedByServerWithin(5_000), "closed once idle for two seconds");
        }
    }

    @Test
    void connectionsPastTheLimitWaitToBeAcceptedUntilOthersClose() throws Exception {
        ServerLimits limits = TestReceiver.LIMITS.withMaxConnections(4).withHeaderTimeout(Duration.ofSeconds(2));
        try (TestReceiver receiver = new TestReceiver(dir, limits)) {
            int port = receiver.server.address().getPort();
            List<RawClient> idle = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                idle.add(new RawClient(port));
            }
            Thread.sleep(200); // all four accepted
            long began = System.nanoTime();
            CompletableFuture<HttpResponse<String>> delivery = receiver.client.sendAsync(receiver.post(Samples.get("message_sent.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, delivery.get(10, TimeUnit.SECONDS).statusCode());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            assertTrue(millis >= 1_000, "served after " + millis + " ms: only once the header timeout closed the idle ones");
            for (RawClient client : idle) {
                assertTrue(client.closedByServerWithin(1_000));
                client.close();
            }
        }
    }
}
