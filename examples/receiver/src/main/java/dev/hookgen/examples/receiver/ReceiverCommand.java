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
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar receiver.jar}: runs {@link HttpReceiverServer} with {@link JsonLinesHandler} until
 * SIGTERM (or Ctrl-C), then stops gracefully. Every option can also come from an environment
 * variable, which keeps passwords out of the process list.
 *
 * <p>Exit codes: 0 stopped normally, 1 could not start (port taken, file not writable), 2 bad usage.
 */
@Command(name = "receiver", mixinStandardHelpOptions = true, version = "hookgen receiver",
        description = {"Receives CometChat webhooks: POST <path> with Basic Auth, each event appended as one JSON line to the events file.",
            "Every option can also be set with the environment variable shown."},
        sortOptions = false)
public final class ReceiverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "${env:HOOKGEN_HOST:-0.0.0.0}",
            description = "Address to listen on (HOOKGEN_HOST; default 0.0.0.0).")
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
            description = "Its password (HOOKGEN_PASSWORD; prefer the variable: arguments show in the process list).")
    String password;

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
            description = "Requests handled at once (HOOKGEN_THREADS; default 16).")
    int threads;

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
        System.exit(new CommandLine(new ReceiverCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Credentials> accepted = credentials();
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, not " + port);
        }
        if (threads < 1 || graceSeconds < 0 || maxBodyBytes < 1 || dedupCapacity < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--threads, --max-body-bytes and --dedup-capacity must be at least 1, --grace-seconds at least 0");
        }

        JsonLinesHandler handler;
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
                inbox = InboxMode.start(inboxJdbcUrl, threads, handler);
            } catch (SQLException e) {
                err.println("receiver: cannot use the inbox at --inbox-jdbc-url: " + e.getMessage());
                closeQuietly(handler, err);
                return 1;
            }
        }
        try {
            WebhookReceiver.Builder<WebhookEvent> builder = WebhookReceiver.builder(WebhookEvents.parser())
                    .credentials(accepted)
                    .maxBodyBytes(maxBodyBytes);
            WebhookReceiver<WebhookEvent> receiver = inbox != null ? builder.inbox(inbox.inbox()).build()
                    : builder.idempotencyStore(new InMemoryIdempotencyStore(dedupCapacity))
                            .deadLetters(new DeadLetters(deadLetters))
                            .handler(handler)
                            .build();
            server = HttpReceiverServer.start(new InetSocketAddress(host, port), path, receiver, threads, graceSeconds, out::println);
        } catch (IOException e) {
            err.println("receiver: cannot start on " + host + ":" + port + ": " + e);
            if (inbox != null) {
                inbox.close();
            }
            closeQuietly(handler, err);
            return 1;
        }
        InboxMode stopInbox = inbox;

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("receiver: stopping; finishing the requests in flight");
            server.close();
            if (stopInbox != null) {
                stopInbox.close(); // the workers finish their event before the events file closes
            }
            closeQuietly(handler, err);
            out.println("receiver: stopped");
        }, "hookgen-receiver-shutdown"));
        out.println("receiver: listening on " + server.endpoint() + "; events to " + events
                + (inbox != null ? " through the PostgreSQL inbox" : ", dead letters to " + deadLetters)
                + ", " + accepted.size() + " accepted credential pair(s)");
        server.awaitStopped();
        return 0;
    }

    private List<Credentials> credentials() {
        List<Credentials> accepted = new ArrayList<>();
        if ((username == null) != (password == null)) {
            throw new ParameterException(spec.commandLine(), "--username and --password go together");
        }
        try {
            if (username != null) {
                accepted.add(new Credentials(username, password));
            }
            for (String pair : credentials == null ? List.<String>of() : credentials) {
                accepted.addAll(Credentials.parseList(pair));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "bad credentials: " + e.getMessage());
        }
        if (accepted.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "no credentials: give --username and --password (or HOOKGEN_USERNAME and HOOKGEN_PASSWORD), or --credentials");
        }
        return accepted;
    }

    private static void closeQuietly(JsonLinesHandler handler, PrintWriter err) {
        try {
            handler.close();
        } catch (IOException e) {
            err.println("receiver: cannot close the events file " + handler.file() + ": " + e);
        }
    }
}
