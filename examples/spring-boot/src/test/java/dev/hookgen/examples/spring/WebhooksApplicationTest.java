package dev.hookgen.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.cometchat.MessageSentEvent;
import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.inbox.postgresql.Samples;
import dev.hookgen.inbox.postgresql.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The example as it ships: its properties, its handler, a sample posted as CometChat posts it. */
class WebhooksApplicationTest {

    static HttpResponse<String> post(int port, byte[] body) throws Exception {
        String auth = Base64.getEncoder().encodeToString("cometchat:change-me".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/cometchat"))
                .header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String expectedLine() {
        MessageSentEvent sent = (MessageSentEvent) WebhookEvents.parse(Samples.get("message_sent.json"));
        return "message_sent id=" + sent.getData().getMessage().getId() + " sender=" + sent.getData().getMessage().getSender();
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ExtendWith(OutputCaptureExtension.class)
    class Direct {

        @LocalServerPort
        int port;

        @Test
        void aMessageReachesTheHandlerBeforeTheAnswer(CapturedOutput output) throws Exception {
            HttpResponse<String> response = post(port, Samples.get("message_sent.json"));
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("accepted\n", response.body());
            assertTrue(output.getOut().contains(expectedLine()), "the handler logged it before the 200");
        }

        @Test
        void whatTheHandlerLogsFromAnEventStaysOnItsLine(CapturedOutput output) throws Exception {
            byte[] body = "{\"trigger\":\"x\\nFORGED line\",\"webhook\":\"w\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
            assertEquals(200, post(port, body).statusCode());
            assertTrue(output.getOut().contains("a trigger without a schema yet: trigger=\"x\\u000aFORGED line\""), output.getOut());
            assertTrue(output.getOut().lines().noneMatch(line -> line.startsWith("FORGED")), output.getOut());
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hookgen.inbox.poll-interval=50ms")
    @ActiveProfiles("inbox")
    @ExtendWith(OutputCaptureExtension.class)
    class Inbox {

        @RegisterExtension
        static final TestDatabase DB = new TestDatabase("example");

        @DynamicPropertySource
        static void database(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", DB::jdbcUrl);
        }

        @LocalServerPort
        int port;

        @Test
        void aMessageIsCommittedThenHandledByAWorker(CapturedOutput output) throws Exception {
            HttpResponse<String> response = post(port, Samples.get("message_sent.json"));
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("accepted\n", response.body());
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!output.getOut().contains(expectedLine()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(output.getOut().contains(expectedLine()), "a worker handed it to the handler");
            assertEquals(1L, DB.value("SELECT count(*) FROM hookgen_inbox WHERE status = 'done'"));
        }
    }
}
