package dev.hookgen.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.cometchat.MessageSentEvent;
import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.inbox.postgresql.Samples;
import dev.hookgen.inbox.postgresql.TestDatabase;
import dev.hookgen.spring.boot.HookgenReceiverProperties;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
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

    static HttpResponse<String> send(String method, int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Actuator answers on the management port only, bound to the loopback interface: the public port serves none of
     * it but the bare probes, and the management port refuses connections to any other address of the machine.
     */
    static void actuatorIsOnlyOnTheLoopbackManagementPort(int port, int managementPort, List<String> endpoints) throws Exception {
        assertTrue(managementPort != port, "a port of its own");
        for (String endpoint : endpoints) {
            assertEquals(404, send("GET", port, endpoint).statusCode(), "GET " + endpoint + " on the public port");
            assertEquals(404, send("POST", port, endpoint).statusCode(), "POST " + endpoint + " on the public port");
            assertEquals(200, send("GET", managementPort, endpoint).statusCode(), "GET " + endpoint + " on the management port");
        }
        assertEquals("{\"status\":\"UP\"}", send("GET", port, "/readyz").body(), "the probe, on the public port");
        for (InetAddress address : otherAddresses()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, managementPort), 2_000);
                throw new AssertionError("the management port answers on " + address);
            } catch (ConnectException refused) {
                // bound to 127.0.0.1 only
            }
        }
    }

    /** This machine's addresses other than loopback ones, where it has any. */
    private static List<InetAddress> otherAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(nic -> {
            try {
                return nic.isUp() && !nic.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).toList();
    }

    static String expectedLine() {
        MessageSentEvent sent = (MessageSentEvent) WebhookEvents.parse(Samples.get("message_sent.json"));
        return "message_sent id=" + sent.getData().getMessage().getId() + " sender=" + sent.getData().getMessage().getSender();
    }

    /** The dead-letter folder a run from a clone creates (in the working directory) stays out of {@code git status}. */
    @Test
    void theDeadLetterFolderIsIgnoredByGit() throws Exception {
        String folder = new HookgenReceiverProperties().getDeadLetters().toString();
        Process git;
        try {
            git = new ProcessBuilder("git", "check-ignore", "-q", folder + "/message_sent.3f2a.json").redirectErrorStream(true).start();
        } catch (java.io.IOException noGit) {
            Assumptions.abort("no git");
            return;
        }
        git.getInputStream().readAllBytes();
        int exit = git.waitFor();
        Assumptions.assumeTrue(exit <= 1, "not in a git working tree");
        assertEquals(0, exit, folder + " is not ignored");
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ExtendWith(OutputCaptureExtension.class)
    class Direct {

        @LocalServerPort
        int port;

        @LocalManagementPort
        int managementPort;

        @Test
        void actuatorIsNotServedOnThePublicPort() throws Exception {
            actuatorIsOnlyOnTheLoopbackManagementPort(port, managementPort, List.of("/actuator/health", "/actuator/metrics"));
        }

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

        @LocalManagementPort
        int managementPort;

        @Test
        void actuatorAndItsReplayAreNotServedOnThePublicPort() throws Exception {
            actuatorIsOnlyOnTheLoopbackManagementPort(port, managementPort, List.of("/actuator/health", "/actuator/metrics",
                    "/actuator/hookgen"));
            assertEquals("{\"pending\":0,\"dead\":0}", send("GET", managementPort, "/actuator/hookgen").body());
        }

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
