package dev.hookgen.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReceiverCommandTest {

    @TempDir
    Path dir;

    @Test
    void helpNamesEveryOptionWithItsEnvironmentVariable() {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new ReceiverCommand()).setOut(new PrintWriter(out)).execute("--help");
        assertEquals(0, code);
        for (String expected : List.of("--port", "HOOKGEN_PORT", "--username", "HOOKGEN_USERNAME", "--password", "HOOKGEN_PASSWORD",
                "--credentials", "HOOKGEN_CREDENTIALS", "--events", "HOOKGEN_EVENTS", "--dead-letters", "HOOKGEN_DEAD_LETTERS",
                "--[no-]fsync", "--grace-seconds")) {
            assertTrue(out.toString().contains(expected), expected + " in\n" + out);
        }
    }

    @Test
    void withoutCredentialsItRefusesToStart() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ReceiverCommand()).setErr(new PrintWriter(err))
                .execute("--port", "0", "--events", dir.resolve("e.jsonl").toString());
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("no credentials: give --username and --password"), err.toString());

        StringWriter half = new StringWriter();
        assertEquals(2, new CommandLine(new ReceiverCommand()).setErr(new PrintWriter(half)).execute("--username", "u"));
        assertTrue(half.toString().startsWith("--username and --password go together"), half.toString());
    }

    @Test
    void sigtermFinishesFlushesAndExitsAndCredentialsComeFromTheEnvironment() throws Exception {
        Path events = dir.resolve("events.jsonl");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ReceiverCommand.class.getName(),
                "--host", "127.0.0.1", "--port", "0", "--events", events.toString(), "--dead-letters", dir.resolve("dead").toString())
                .redirectErrorStream(true);
        builder.environment().put("HOOKGEN_CREDENTIALS", "cometchat:old-pass,cometchat:new-pass");
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
            String started = output.poll(20, TimeUnit.SECONDS);
            assertNotNull(started, "no output from the receiver");
            Matcher url = Pattern.compile("receiver: listening on (http://127\\.0\\.0\\.1:\\d+/webhooks/cometchat);.*2 accepted credential pair\\(s\\)")
                    .matcher(started);
            assertTrue(url.matches(), started);

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.group(1)))
                    .header("Authorization", TestReceiver.basic("cometchat", "new-pass"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.get("message_sent.json"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            // the request's line is written after its answer went out: wait for it, or SIGTERM can overtake it
            String served = output.poll(20, TimeUnit.SECONDS);
            assertNotNull(served, "no log line for the request");
            assertTrue(served.matches("\\S+ POST /webhooks/cometchat status=200 trigger=message_sent ms=\\d+ outcome=accepted"), served);

            // SIGTERM; Process.destroy() would also close our end of its stdout, losing what it prints on the way out
            assertTrue(process.toHandle().destroy());
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "stopped within the grace period");
            assertEquals(143, process.exitValue(), "128 + SIGTERM, after the shutdown hook ran");
            reader.join(5_000);
            List<String> rest = new ArrayList<>();
            output.drainTo(rest);
            assertEquals(List.of("receiver: stopping; finishing the requests in flight", "receiver: stopped"), rest);
            assertFalse((served + "\n" + String.join("\n", rest)).contains("new-pass"));
            assertEquals(1, Files.readAllLines(events).size());
        } finally {
            process.destroyForcibly();
        }
    }
}
