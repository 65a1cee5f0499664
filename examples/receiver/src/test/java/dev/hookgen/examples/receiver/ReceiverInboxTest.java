package dev.hookgen.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.inbox.postgresql.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --inbox-jdbc-url}: the command on the real PostgreSQL, as a process of its own. */
class ReceiverInboxTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase("receiver");

    @TempDir
    Path dir;

    @Test
    void eventsAreCommittedInTheInboxThenWrittenByAWorkerAndDriftIsADeadRow() throws Exception {
        Path events = dir.resolve("events.jsonl");
        String url = DB.jdbcUrl() + "&user=" + TestDatabase.USER + (TestDatabase.PASSWORD.isEmpty() ? "" : "&password=" + TestDatabase.PASSWORD);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), ReceiverCommand.class.getName(),
                "--host", "127.0.0.1", "--port", "0", "--events", events.toString(), "--inbox-jdbc-url", url)
                .redirectErrorStream(true);
        builder.environment().put("HOOKGEN_CREDENTIALS", "cometchat:secret");
        Process process = builder.start();
        BlockingQueue<String> output = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            Pattern listening = Pattern.compile("receiver: listening on (http://127\\.0\\.0\\.1:\\d+/webhooks/cometchat); "
                    + "events to .* through the PostgreSQL inbox, 1 accepted credential pair\\(s\\)");
            Matcher started = null;
            for (String line = output.poll(30, TimeUnit.SECONDS); line != null; line = output.poll(30, TimeUnit.SECONDS)) {
                Matcher match = listening.matcher(line);
                if (match.matches()) {
                    started = match;
                    break;
                }
            }
            assertTrue(started != null, "the receiver never said it was listening");
            URI endpoint = URI.create(started.group(1));
            byte[] sample = Samples.get("message_sent.json");
            assertEquals("accepted\n", post(endpoint, sample).body());
            assertEquals("duplicate\n", post(endpoint, sample).body());
            byte[] drifted = new String(sample, StandardCharsets.UTF_8).replace("\"sentAt\": 1696934912", "\"sentAt\": \"soon\"")
                    .getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> drift = post(endpoint, drifted);
            assertEquals(200, drift.statusCode());
            assertEquals("saved for review: the payload does not fit the schema at $.data.message.sentAt\n", drift.body());

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((!Files.exists(events) || Files.readAllLines(events).isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, Files.readAllLines(events).size(), "a worker appended the event once");
            assertEquals(List.of(Map.of("status", "dead", "trigger", "message_sent"), Map.of("status", "done", "trigger", "message_sent")),
                    DB.query("SELECT status, trigger FROM hookgen_inbox ORDER BY status"));
            assertTrue(!Files.exists(dir.resolve("dead-letters")), "drift is a dead row, not a file");

            assertTrue(process.toHandle().destroy());
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "stopped");
            assertEquals(0, process.exitValue(), "a clean stop after SIGTERM: the workers and the file closed");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void anInboxThatCannotBeReachedStopsTheStartWithExitCode1() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ReceiverCommand()).setErr(new PrintWriter(err)).execute("--port", "0",
                "--username", "u", "--password", "p", "--events", dir.resolve("e.jsonl").toString(),
                "--inbox-jdbc-url", "jdbc:postgresql://127.0.0.1:1/test?user=postgres&connectTimeout=2");
        assertEquals(1, code);
        assertTrue(err.toString().contains("\nreceiver: cannot use the inbox at --inbox-jdbc-url: cannot connect: Connection to 127.0.0.1:1 refused")
                || err.toString().startsWith("receiver: cannot use the inbox at --inbox-jdbc-url: cannot connect: Connection to 127.0.0.1:1 refused"),
                err.toString());
    }

    private static HttpResponse<String> post(URI endpoint, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                .header("Authorization", TestReceiver.basic("cometchat", "secret"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
