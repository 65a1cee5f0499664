package dev.hookgen.examples.receiver;

import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.runtime.receiver.Credentials;
import dev.hookgen.runtime.receiver.DeadLetters;
import dev.hookgen.runtime.receiver.InMemoryIdempotencyStore;
import dev.hookgen.runtime.receiver.WebhookReceiver;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -XX:+ExitOnOutOfMemoryError -jar receiver.jar}: runs {@link HttpReceiverServer} with
 * {@link JsonLinesHandler} until SIGTERM (or Ctrl-C), then stops gracefully. Every option can also come from an
 * environment variable, and the password from a file, which keeps it out of the process list.
 *
 * <p>Exit codes: 0 stopped (after SIGTERM or SIGINT, every request in flight finished), 1 could not start (port
 * taken, file not writable) or could not stop cleanly (requests cut off by the grace period), 2 bad usage,
 * 3 out of memory or another fatal error of the JVM ({@link FatalErrors}).
 */
@Command(name = "receiver", mixinStandardHelpOptions = true, version = "hookgen receiver",
        description = {"Receives CometChat webhooks: POST <path> with Basic Auth, each event appended as one JSON line to the events file.",
            "Every option can also be set with the environment variable shown."},
        sortOptions = false)
public final class ReceiverCommand implements Callable<Integer> {

    /** A password file larger than this is refused: it is not one. */
    static final int MAX_PASSWORD_FILE_BYTES = 4096;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "${env:HOOKGEN_HOST:-127.0.0.1}",
            description = "Address to listen on; 0.0.0.0 for every interface, as in a container (HOOKGEN_HOST; default 127.0.0.1).")
    String host;

    @Option(names = "--port", defaultValue = "${env:HOOKGEN_PORT:-8080}",
            description = "Port; 0 picks a free one (HOOKGEN_PORT; default 8080).")
    int port;

    @Option(names = "--path", defaultValue = "${env:HOOKGEN_PATH:-" + HttpReceiverServer.DEFAULT_PATH + "}",
            description = "Webhook path (HOOKGEN_PATH; default " + HttpReceiverServer.DEFAULT_PATH + ").")
    String path;

    @Option(names = "--username", defaultValue = "${env:HOOKGEN_USERNAME}",
            description = "Basic Auth user name configured on the CometChat webhook (HOOKGEN_USERNAME).")
    String username;

    @Option(names = "--password", defaultValue = "${env:HOOKGEN_PASSWORD}",
            description = "Its password (HOOKGEN_PASSWORD); prefer --password-file: arguments show in the process list.")
    String password;

    @Option(names = "--password-file", paramLabel = "FILE", defaultValue = "${env:HOOKGEN_PASSWORD_FILE}",
            description = "File holding the password, read once at start; a final line break is ignored (HOOKGEN_PASSWORD_FILE).")
    Path passwordFile;

    @Option(names = "--credentials", split = ",", paramLabel = "USER:PASSWORD", defaultValue = "${env:HOOKGEN_CREDENTIALS}",
            description = "More accepted pairs, e.g. old and new while rotating a password; repeatable "
                    + "(HOOKGEN_CREDENTIALS=u1:p1,u2:p2).")
    List<String> credentials = new ArrayList<>();

    @Option(names = "--events", defaultValue = "${env:HOOKGEN_EVENTS:-events.jsonl}",
            description = "File the events are appended to, one JSON line each (HOOKGEN_EVENTS; default events.jsonl).")
    Path events;

    @Option(names = "--dead-letters", defaultValue = "${env:HOOKGEN_DEAD_LETTERS:-dead-letters}",
            description = "Folder for payloads that do not fit the schemas (HOOKGEN_DEAD_LETTERS; default dead-letters).")
    Path deadLetters;

    @Option(names = "--max-body-bytes", defaultValue = "${env:HOOKGEN_MAX_BODY_BYTES:-1048576}",
            description = "Largest body accepted; larger ones get 413 (HOOKGEN_MAX_BODY_BYTES; default 1048576).")
    int maxBodyBytes;

    @Option(names = "--dedup-capacity", defaultValue = "${env:HOOKGEN_DEDUP_CAPACITY:-100000}",
            description = "How many recent idempotency keys are remembered (HOOKGEN_DEDUP_CAPACITY; default 100000).")
    int dedupCapacity;

    @Option(names = "--threads", defaultValue = "${env:HOOKGEN_THREADS:-16}",
            description = "Requests handled at once; waiting for headers or a body takes none (HOOKGEN_THREADS; default 16).")
    int threads;

    @Option(names = "--max-connections", defaultValue = "${env:HOOKGEN_MAX_CONNECTIONS:-512}",
            description = "Open connections at most; more wait to be accepted (HOOKGEN_MAX_CONNECTIONS; default 512).")
    int maxConnections;

    @Option(names = "--header-timeout-seconds", defaultValue = "${env:HOOKGEN_HEADER_TIMEOUT_SECONDS:-5}",
            description = "Time for a request's line and headers to arrive; then the connection is closed "
                    + "(HOOKGEN_HEADER_TIMEOUT_SECONDS; default 5).")
    int headerTimeoutSeconds;

    @Option(names = "--body-timeout-seconds", defaultValue = "${env:HOOKGEN_BODY_TIMEOUT_SECONDS:-10}",
            description = "Time for a body to arrive once the headers are in; then 408 (HOOKGEN_BODY_TIMEOUT_SECONDS; default 10).")
    int bodyTimeoutSeconds;

    @Option(names = "--idle-timeout-seconds", defaultValue = "${env:HOOKGEN_IDLE_TIMEOUT_SECONDS:-30}",
            description = "Time a connection may stay silent before it is closed (HOOKGEN_IDLE_TIMEOUT_SECONDS; default 30).")
    int idleTimeoutSeconds;

    @Option(names = "--grace-seconds", defaultValue = "${env:HOOKGEN_GRACE_SECONDS:-10}",
            description = "On SIGTERM, how long requests in flight may take to finish (HOOKGEN_GRACE_SECONDS; default 10).")
    int graceSeconds;

    @Option(names = "--fsync", negatable = true, defaultValue = "${env:HOOKGEN_FSYNC:-true}", fallbackValue = "true",
            description = "Force each line to disk before answering 200; --no-fsync only hands it to the OS (HOOKGEN_FSYNC; default true).")
    boolean fsync;

    @Option(names = "--inbox-jdbc-url", defaultValue = "${env:HOOKGEN_INBOX_JDBC_URL}", paramLabel = "JDBC_URL",
            description = {"Answer 200 once the event is committed in PostgreSQL (table hookgen_inbox, created if missing; "
                    + "deduplicated there, across instances), and append it to the events file from worker threads afterwards; "
                    + "payloads that do not fit the schemas become dead rows instead of files "
                    + "(HOOKGEN_INBOX_JDBC_URL, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)."})
    String inboxJdbcUrl;

    public static void main(String[] args) {
        FatalErrors.install(System.err);
        System.exit(commandLine().execute(args));
    }

    /** The command, with option errors that never show an argument's value ({@link UsageErrors}). */
    public static CommandLine commandLine() {
        return new CommandLine(new ReceiverCommand()).setParameterExceptionHandler(UsageErrors::handle);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Credentials> accepted = credentials();
        ServerLimits limits = limits();
        if (port < 0 || port > 65_535) {
            throw UsageErrors.of(spec, "--port must be 0 to 65535");
        }
        if (maxBodyBytes < 1 || dedupCapacity < 1) {
            throw UsageErrors.of(spec, "--max-body-bytes and --dedup-capacity must be at least 1");
        }
        if (!JvmFlags.exitsOnOutOfMemoryError()) {
            err.println("receiver: warning: the JVM runs without -XX:+ExitOnOutOfMemoryError; "
                    + "start it with: java -XX:+ExitOnOutOfMemoryError -jar receiver.jar ...");
        }

        JsonLinesHandler handler;
        WebhookReceiver<WebhookEvent> receiver;
        HttpReceiverServer server;
        try {
            handler = JsonLinesHandler.open(events, fsync);
        } catch (IOException e) {
            err.println("receiver: cannot open the events file " + events + ": " + e);
            return 1;
        }
        InboxMode inbox = null;
        if (inboxJdbcUrl != null) {
            try {
                inbox = InboxMode.open(inboxJdbcUrl, threads);
            } catch (SQLException e) {
                err.println("receiver: cannot use the inbox at --inbox-jdbc-url: " + e.getMessage());
                Stopper.closeQuietly(handler, err);
                return 1;
            }
        }
        try {
            WebhookReceiver.Builder<WebhookEvent> builder = WebhookReceiver.builder(WebhookEvents.parser())
                    .credentials(accepted)
                    .maxBodyBytes(maxBodyBytes);
            receiver = inbox != null ? builder.inbox(inbox.inbox()).build()
                    : builder.idempotencyStore(new InMemoryIdempotencyStore(dedupCapacity))
                            .deadLetters(new DeadLetters(deadLetters))
                            .handler(handler)
                            .build();
            if (inbox != null) {
                inbox.startWorkers(receiver.reader(), handler);
            }
            server = HttpReceiverServer.start(new InetSocketAddress(host, port), path, receiver, limits, out::println);
        } catch (IOException e) {
            err.println("receiver: cannot start on " + host + ":" + port + ": " + e);
            if (inbox != null) {
                inbox.close();
            }
            Stopper.closeQuietly(handler, err);
            return 1;
        }

        Stopper stopper = new Stopper(server, inbox, handler, receiver, out, err);
        Runtime.getRuntime().addShutdownHook(new Thread(stopper::stop, "hookgen-receiver-shutdown"));
        StopSignals.install(stopper::stop);
        out.println("receiver: listening on " + server.endpoint() + "; events to " + events
                + (inbox != null ? " through the PostgreSQL inbox" : ", dead letters to " + deadLetters)
                + ", " + accepted.size() + " accepted credential pair(s)");
        return stopper.awaitStopped() ? 0 : 1;
    }

    private ServerLimits limits() {
        if (threads < 1 || maxConnections < 1 || headerTimeoutSeconds < 1 || bodyTimeoutSeconds < 1 || idleTimeoutSeconds < 1
                || graceSeconds < 0) {
            throw UsageErrors.of(spec, "--threads, --max-connections and the timeouts must be at least 1, --grace-seconds at least 0");
        }
        return new ServerLimits(threads, maxConnections, Duration.ofSeconds(headerTimeoutSeconds), Duration.ofSeconds(bodyTimeoutSeconds),
                Duration.ofSeconds(idleTimeoutSeconds), Duration.ofSeconds(graceSeconds));
    }

    private List<Credentials> credentials() {
        if (password != null && passwordFile != null) {
            throw UsageErrors.of(spec, "give the password once: --password (HOOKGEN_PASSWORD) or --password-file (HOOKGEN_PASSWORD_FILE)");
        }
        String secret = passwordFile == null ? password : readPasswordFile();
        List<Credentials> accepted = new ArrayList<>();
        if ((username == null) != (secret == null)) {
            throw UsageErrors.of(spec, "--username and --password (or --password-file) go together");
        }
        try {
            if (username != null) {
                accepted.add(new Credentials(username, secret));
            }
            for (String pair : credentials == null ? List.<String>of() : credentials) {
                accepted.addAll(Credentials.parseList(pair));
            }
        } catch (IllegalArgumentException e) {
            throw UsageErrors.of(spec, "bad credentials: " + e.getMessage());
        }
        if (accepted.isEmpty()) {
            throw UsageErrors.of(spec, "no credentials: give --username and --password or --password-file "
                    + "(or HOOKGEN_USERNAME and HOOKGEN_PASSWORD or HOOKGEN_PASSWORD_FILE), or --credentials");
        }
        return accepted;
    }

    /** The password file's text less its final line break; never names the file (the path could be a mistyped password). */
    private String readPasswordFile() {
        byte[] bytes;
        try {
            if (Files.size(passwordFile) > MAX_PASSWORD_FILE_BYTES) {
                throw UsageErrors.of(spec, "the file given by --password-file is larger than " + MAX_PASSWORD_FILE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(passwordFile);
        } catch (IOException e) {
            throw UsageErrors.of(spec, "cannot read the file given by --password-file (" + e.getClass().getSimpleName() + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw UsageErrors.of(spec, "the file given by --password-file is not UTF-8 text");
        }
        String secret = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (secret.isEmpty()) {
            throw UsageErrors.of(spec, "the file given by --password-file is empty");
        }
        if (secret.indexOf('\n') >= 0 || secret.indexOf('\r') >= 0) {
            throw UsageErrors.of(spec, "the file given by --password-file has more than one line");
        }
        return secret;
    }
}
