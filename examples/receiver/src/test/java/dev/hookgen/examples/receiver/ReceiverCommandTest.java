package dev.hookgen.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command as it is deployed: options, then the receiver in a JVM of its own, stopped by SIGTERM. */
class ReceiverCommandTest {

    private static final Pattern LISTENING =
            Pattern.compile("receiver: listening on (http://127\\.0\\.0\\.1:\\d+/webhooks/cometchat);.*(\\d+) accepted credential pair\\(s\\)");

    @TempDir
    Path dir;

    /** Runs the command in this JVM; only for arguments it refuses, as it would otherwise serve until stopped. */
    private static int refused(StringWriter err, String... arguments) {
        CommandLine command = ReceiverCommand.commandLine();
        command.setErr(new PrintWriter(err, true));
        return command.execute(arguments);
    }

    @Test
    void helpNamesEveryOptionWithItsEnvironmentVariable() {
        StringWriter out = new StringWriter();
        int code = ReceiverCommand.commandLine().setOut(new PrintWriter(out)).execute("--help");
        assertEquals(0, code);
        for (String expected : List.of("--host", "HOOKGEN_HOST", "--port", "HOOKGEN_PORT", "--username", "HOOKGEN_USERNAME",
                "--password", "HOOKGEN_PASSWORD", "--password-file", "HOOKGEN_PASSWORD_FILE", "--credentials", "HOOKGEN_CREDENTIALS",
                "--events", "HOOKGEN_EVENTS", "--dead-letters", "HOOKGEN_DEAD_LETTERS", "--[no-]fsync", "--grace-seconds",
                "--max-connections", "HOOKGEN_MAX_CONNECTIONS", "--header-timeout-seconds", "HOOKGEN_HEADER_TIMEOUT_SECONDS",
                "--body-timeout-seconds", "HOOKGEN_BODY_TIMEOUT_SECONDS", "--idle-timeout-seconds", "HOOKGEN_IDLE_TIMEOUT_SECONDS")) {
            assertTrue(out.toString().contains(expected), expected + " in\n" + out);
        }
    }

    @Test
    void withoutCredentialsItRefusesToStart() {
        StringWriter err = new StringWriter();
        assertEquals(2, refused(err, "--port", "0", "--events", dir.resolve("e.jsonl").toString()));
        assertTrue(err.toString().startsWith("no credentials: give --username and --password or --password-file"), err.toString());

        StringWriter half = new StringWriter();
        assertEquals(2, refused(half, "--username", "u"));
        assertTrue(half.toString().startsWith("--username and --password (or --password-file) go together"), half.toString());
    }

    @Test
    void anOptionErrorNeverShowsAValue() {
        Map<List<String>, String> errors = Map.of(
                List.of("--pasword", "s3cret-pw"), "unknown option --pasword; did you mean --path, --password or --password-file?",
                List.of("--pasword=s3cret-pw"), "unknown option --pasword; did you mean --path, --password or --password-file?",
                List.of("--username", "u", "s3cret-pw"), "unexpected argument (not shown): this command takes options only",
                List.of("-Xs3cret-pw"), "unexpected argument (not shown): this command takes options only",
                List.of("--port", "s3cret-pw"), "invalid value for --port (values are not shown)",
                List.of("--password"), "--password needs a value",
                List.of("--password", "s3cret-pw", "--password", "s3cret-pw"), "--password was given more than once",
                List.of("--credentials", "s3cret-pw"), "bad credentials: credentials must be user:password, and this has no ':'",
                List.of("--username", "u", "--password", "s3cret-pw", "--port", "70000"), "--port must be 0 to 65535");
        errors.forEach((arguments, message) -> {
            StringWriter err = new StringWriter();
            assertEquals(2, refused(err, arguments.toArray(String[]::new)), arguments.toString());
            assertEquals(message + "\nRun with --help to see the options.\n", err.toString().replace("\r\n", "\n"), arguments.toString());
        });
    }

    @Test
    void aPasswordFileMustHoldOneLineOfTextAndIsNeverNamedInAnError() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Path twoLines = Files.writeString(dir.resolve("two"), "s3cret-pw\nmore\n");
        Path binary = Files.write(dir.resolve("binary"), new byte[] {(byte) 0xC3, (byte) 0x28});
        Path large = Files.writeString(dir.resolve("large"), "x".repeat(5000));
        Path good = Files.writeString(dir.resolve("good"), "s3cret-pw\n");
        Map<List<String>, String> errors = Map.of(
                List.of("--password-file", empty.toString()), "the file given by --password-file is empty",
                List.of("--password-file", twoLines.toString()), "the file given by --password-file has more than one line",
                List.of("--password-file", binary.toString()), "the file given by --password-file is not UTF-8 text",
                List.of("--password-file", large.toString()), "the file given by --password-file is larger than 4096 bytes",
                List.of("--password-file", "s3cret-pw"), "cannot read the file given by --password-file (NoSuchFileException)",
                List.of("--password-file", good.toString(), "--password", "s3cret-pw"),
                "give the password once: --password (HOOKGEN_PASSWORD) or --password-file (HOOKGEN_PASSWORD_FILE)");
        errors.forEach((arguments, message) -> {
            List<String> withUser = new ArrayList<>(List.of("--username", "u"));
            withUser.addAll(arguments);
            StringWriter err = new StringWriter();
            assertEquals(2, refused(err, withUser.toArray(String[]::new)), arguments.toString());
            assertEquals(message, err.toString().lines().findFirst().orElseThrow(), arguments.toString());
            assertFalse(err.toString().contains(dir.toString()), "the path is not shown: " + err);
        });
    }

    @Test
    void aCleanStopAfterSigtermExitsZeroPromptlyFlushedWithThePasswordFromAFile() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Path passwordFile = Files.writeString(dir.resolve("password"), "from-a-file\n");
        long grace = 10;
        try (ChildJvm receiver = ChildJvm.start(List.of("-XX:+ExitOnOutOfMemoryError"), ReceiverCommand.class,
                List.of("--port", "0", "--events", events.toString(), "--dead-letters", dir.resolve("dead").toString(),
                        "--username", "cometchat", "--grace-seconds", Long.toString(grace)),
                Map.of("HOOKGEN_PASSWORD_FILE", passwordFile.toString(), "HOOKGEN_CREDENTIALS", "cometchat:old-pass"))) {
            Matcher url = LISTENING.matcher(receiver.nextLine(20));
            assertTrue(url.matches(), url.toString());
            assertEquals("2", url.group(2), "the pair from the file and the one from the environment");
            URI endpoint = URI.create(url.group(1));

            HttpClient client = HttpClient.newHttpClient();
            assertEquals(200, post(client, endpoint, "from-a-file").statusCode());
            assertEquals(200, post(client, endpoint, "old-pass").statusCode(), "delivered again with the old pair: a duplicate");
            assertEquals(401, post(client, endpoint, "from-a-file\n").statusCode(), "the line break is not part of the password");
            // a refusal closes its connection, and its line can come after the client has its answer: read it first
            List<String> requests = List.of(receiver.nextLine(20), receiver.nextLine(20), receiver.nextLine(20));

            long signalled = System.nanoTime();
            receiver.sigterm();
            List<String> rest = receiver.awaitExit(20);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            assertEquals(0, receiver.process.exitValue(), "a clean stop exits 0: " + rest);
            assertTrue(millis < grace * 1000 / 2, "stopped in " + millis + " ms, not after the " + grace + " s grace period");
            for (String line : List.of("status=200 ms=\\d+ trigger=message_sent outcome=accepted",
                    "status=200 ms=\\d+ trigger=message_sent outcome=duplicate", "status=401 ms=\\d+ trigger=- outcome=unauthorized")) {
                assertEquals(1, requests.stream().filter(r -> r.matches("\\S+ POST /webhooks/cometchat " + line)).count(),
                        line + " in " + requests);
            }
            assertEquals(List.of("receiver: stopping; finishing the requests in flight", "receiver: stopped"), rest);
            assertFalse(String.join("\n", requests).contains("from-a-file"));
            assertEquals(1, Files.readAllLines(events).size());
        }
    }

    @Test
    void sigtermRightAfterStartExitsZeroAtOnceAndAMissingOomFlagIsWarnedAbout() throws Exception {
        try (ChildJvm receiver = ChildJvm.start(List.of(), ReceiverCommand.class,
                List.of("--port", "0", "--events", dir.resolve("events.jsonl").toString(), "--dead-letters", dir.resolve("dead").toString(),
                        "--grace-seconds", "30"),
                Map.of("HOOKGEN_USERNAME", "cometchat", "HOOKGEN_PASSWORD", "pw"))) {
            assertEquals("receiver: warning: the JVM runs without -XX:+ExitOnOutOfMemoryError; "
                    + "start it with: java -XX:+ExitOnOutOfMemoryError -jar receiver.jar ...", receiver.nextLine(20));
            assertTrue(LISTENING.matcher(receiver.nextLine(20)).matches());
            long signalled = System.nanoTime();
            receiver.sigterm();
            receiver.awaitExit(20);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            assertEquals(0, receiver.process.exitValue());
            assertTrue(millis < 10_000, "stopped in " + millis + " ms with a 30 s grace period");
        }
    }

    /**
     * Someone who runs the receiver from a clone, as its README shows, must not find its files in {@code git status}:
     * the events file and its rotated copies, the dead letters (the default folder and the README's), the password file.
     */
    @Test
    void theFilesARunFromACloneCreatesAreIgnoredByGit() throws Exception {
        ReceiverCommand defaults = new ReceiverCommand();
        new CommandLine(defaults).parseArgs();
        Path root = Git.root();
        Assumptions.assumeTrue(root != null, "not in a git working tree");
        for (String path : List.of(defaults.events.toString(), defaults.events + ".1", defaults.deadLetters + "/message_sent.3f2a.json",
                "dead/message_sent.3f2a.json", "webhook-password", "examples/receiver/" + defaults.events)) {
            assertTrue(Git.ignores(root, path), path + " is not ignored");
        }
        assertFalse(Git.ignores(root, "examples/receiver/src/main/java/dev/hookgen/examples/receiver/ReceiverCommand.java"));
    }

    private static HttpResponse<String> post(HttpClient client, URI endpoint, String password) throws Exception {
        return client.send(HttpRequest.newBuilder(endpoint)
                .header("Authorization", TestReceiver.basic("cometchat", password))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.get("message_sent.json"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
