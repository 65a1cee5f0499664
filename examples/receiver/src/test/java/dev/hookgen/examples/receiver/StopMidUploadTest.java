package dev.hookgen.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop (what SIGTERM does: {@link HttpReceiverServer#close()}) while a delivery's body is on its way: the delivery is
 * written and answered 200 if its body keeps coming and arrives within the grace period, and otherwise answered 503
 * (or, at worst, its connection closed unanswered), never 200: CometChat retries it.
 */
class StopMidUploadTest {

    @TempDir
    Path dir;

    private static final byte[] SAMPLE = Samples.get("message_sent.json");

    private static RawClient startUpload(TestReceiver receiver) throws Exception {
        RawClient client = new RawClient(receiver.server.address().getPort());
        client.send(RawClient.head("POST", "/webhooks/cometchat", RawClient.authorization(), "Content-Length: " + SAMPLE.length));
        client.send(Arrays.copyOf(SAMPLE, 100));
        Thread.sleep(300); // the request is with the handler, its body half read
        return client;
    }

    private static Thread stop(TestReceiver receiver) {
        Thread stopping = new Thread(receiver.server::close, "stop");
        stopping.start();
        return stopping;
    }

    @Test
    void aBodyThatFallsSilentIsAnswered503AtOnceAndTheStopIsClean() throws Exception {
        try (TestReceiver receiver = new TestReceiver(dir)) {
            try (RawClient client = startUpload(receiver)) {
                long began = System.nanoTime();
                Thread stopping = stop(receiver);
                RawClient.Answer answer = client.read();
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                assertEquals("HTTP/1.1 503 Service Unavailable", answer.statusLine());
                assertEquals("the receiver is stopping; retry\n", answer.body());
                assertEquals("close", answer.headers().get("connection"));
                assertTrue(millis < 3_000, "answered after " + millis + " ms, not at the end of the 5 s grace period");
                stopping.join(10_000);
            }
            assertTrue(receiver.server.stoppedCleanly());
            assertEquals(List.of(), receiver.lines());
            String log = receiver.log(1).get(0);
            assertTrue(log.matches("\\S+ POST /webhooks/cometchat status=503 ms=\\d+ outcome=stopping"), log);
        }
    }

    @Test
    void aBodyThatKeepsComingWithinTheGracePeriodIsWrittenAndAnswered200() throws Exception {
        try (TestReceiver receiver = new TestReceiver(dir)) {
            try (RawClient client = startUpload(receiver)) {
                client.send(new byte[] {SAMPLE[100]}); // not silent for the shutdown's idle timeout
                Thread stopping = stop(receiver);
                for (int i = 101; i < SAMPLE.length; i += 50) {
                    Thread.sleep(50);
                    client.send(Arrays.copyOfRange(SAMPLE, i, Math.min(i + 50, SAMPLE.length)));
                }
                RawClient.Answer answer = client.read();
                assertEquals("HTTP/1.1 200 OK", answer.statusLine());
                assertEquals("accepted\n", answer.body());
                stopping.join(10_000);
            }
            assertTrue(receiver.server.stoppedCleanly());
            assertEquals(1, receiver.lines().size());
        }
    }

    @Test
    void aBodyStillComingWhenTheGracePeriodEndsIsNeverAnswered200() throws Exception {
        ServerLimits limits = TestReceiver.LIMITS.withGracePeriod(Duration.ofSeconds(1));
        try (TestReceiver receiver = new TestReceiver(dir, limits)) {
            try (RawClient client = startUpload(receiver)) {
                client.send(new byte[] {SAMPLE[100]});
                Thread stopping = stop(receiver);
                try {
                    for (int i = 101; i < SAMPLE.length - 1; i += 5) { // too slow to end within the second of grace
                        Thread.sleep(50);
                        client.send(Arrays.copyOfRange(SAMPLE, i, i + 5));
                    }
                } catch (IOException closedByTheStop) {
                    // the grace period is over
                }
                stopping.join(10_000);
                try {
                    assertEquals("HTTP/1.1 503 Service Unavailable", client.read().statusLine());
                } catch (IOException closedUnanswered) {
                    // also a failure for CometChat, which retries it
                }
            }
            assertFalse(receiver.server.stoppedCleanly(), "cut off by the grace period: the command exits 1");
            assertEquals(List.of(), receiver.lines());
        }
    }
}
