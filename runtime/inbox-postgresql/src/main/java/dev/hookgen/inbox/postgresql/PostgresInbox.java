package dev.hookgen.inbox.postgresql;

import dev.hookgen.runtime.Event;
import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.UntypedEvent;
import dev.hookgen.runtime.WebhookParseException;
import dev.hookgen.runtime.receiver.EventHandler;
import dev.hookgen.runtime.receiver.Inbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * The inbox in one PostgreSQL table, {@code hookgen_inbox}: a {@link dev.hookgen.runtime.receiver.WebhookReceiver}
 * built with it ({@code .inbox(inbox)}) answers 200 once the delivery is committed there, and {@link InboxWorkers}
 * in every instance of the service take the rows out and hand them to the application's handler.
 * <pre>{@code
 * PostgresInbox inbox = new PostgresInbox(dataSource);
 * inbox.createSchema();                                   // or run the shipped script with Flyway or Liquibase
 * WebhookReceiver<WebhookEvent> receiver = WebhookReceiver.builder(WebhookEvents.parser())
 *         .credentials(credentials).inbox(inbox).build();
 * InboxWorkers<WebhookEvent> workers = inbox.workers(WebhookEvents.parser(), WebhookDispatcher.of(handler)::dispatch,
 *         InboxSettings.defaults());
 * workers.start();
 * }</pre>
 *
 * <p>A delivery is stored with one statement, {@code INSERT ... ON CONFLICT (idempotency_key) DO NOTHING}: the write
 * and the deduplication are one atomic step, so a retry that reaches any instance, at any time while the row is kept,
 * is recognised, and there is no second store that could disagree with the table. The body is kept as the exact bytes
 * received ({@code bytea}): {@code jsonb} would reorder keys, drop duplicates and refuse lone surrogate escapes such as
 * {@code "\ud83d"}, which CometChat's JavaScript clients do send. Payloads that do not fit the schemas are stored as
 * dead rows, with the reason, keyed {@code drift:<sha256 of the body>} so that the same bytes are kept once.
 *
 * <p>The table lives where the connection's {@code search_path} puts it; the script is {@link #SCHEMA_SCRIPT} on the
 * class path. Thread-safe.
 */
public final class PostgresInbox implements Inbox {

    /** The class path location of the table's SQL script: a Flyway migration and a Liquibase formatted-SQL changelog as it is. */
    public static final String SCHEMA_SCRIPT = "db/hookgen/postgresql/V1__hookgen_inbox.sql";

    /** The prefix of the key of a payload that did not fit the schemas; the rest is the SHA-256 of its bytes, in hex. */
    public static final String DRIFT_KEY_PREFIX = "drift:";

    private final InboxTable table;

    private final List<Runnable> addedListeners = new CopyOnWriteArrayList<>();

    /** @param dataSource connections to the database holding {@code hookgen_inbox}; a pool, such as HikariCP */
    public PostgresInbox(DataSource dataSource) {
        this.table = new InboxTable(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** The table's SQL script ({@link #SCHEMA_SCRIPT}): idempotent, every statement {@code IF NOT EXISTS}. */
    public static String schemaScript() {
        try (InputStream script = PostgresInbox.class.getClassLoader().getResourceAsStream(SCHEMA_SCRIPT)) {
            if (script == null) {
                throw new IllegalStateException(SCHEMA_SCRIPT + " is missing from the class path");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_SCRIPT, e);
        }
    }

    /**
     * Creates the table and its indexes unless they exist, in the schema the connection's {@code search_path} names
     * first. Instances starting at once take turns (an advisory lock), so it is safe at every start.
     *
     * @throws SQLException if the database refuses (no right to create tables, say)
     */
    public void createSchema() throws SQLException {
        table.createSchema(schemaScript());
    }

    /**
     * Stores the delivery as a pending row, unless a row with its idempotency key exists: one {@code INSERT ... ON
     * CONFLICT DO NOTHING}, committed when this returns.
     */
    @Override
    public Added add(Event event, byte[] body) throws SQLException {
        boolean inserted = table.insert(event.idempotencyKey(), event.getTrigger(), body, event instanceof UntypedEvent, "pending", null);
        if (inserted) {
            addedListeners.forEach(Runnable::run);
        }
        return inserted ? Added.NEW : Added.DUPLICATE;
    }

    /** Stores the payload as a dead row whose {@code last_error} says where it does not fit; the same bytes once. */
    @Override
    public void addDead(byte[] body, String trigger, WebhookParseException drift) throws SQLException {
        table.insert(DRIFT_KEY_PREFIX + sha256(body), trigger, body, false, "dead", driftReason(drift));
    }

    /**
     * Workers that hand this inbox's rows to {@code handler}, parsing each body with {@code reader}; not started.
     *
     * @param <E> the catalog's event type
     */
    public <E extends Event> InboxWorkers<E> workers(EventReader<E> reader, EventHandler<? super E> handler, InboxSettings settings) {
        return new InboxWorkers<>(this, table, reader, handler, settings);
    }

    /** How many rows are pending and dead now: two index scans, cheap, but a query: sample it, don't call it per request. */
    public InboxCounts counts() throws SQLException {
        return table.counts();
    }

    /**
     * Re-drives the rows an upgrade may have fixed: dead rows (payloads that did not fit the schemas, events whose
     * handler ran out of attempts) and rows handled as an unknown trigger. Each body is parsed again with
     * {@code reader}, the catalog as it is now: a dead row that parses, and an unknown-trigger row whose trigger now
     * has a schema, become pending with a fresh count of attempts, and the workers hand them to the handler (an
     * unknown-trigger row then reaches its typed handler method). A dead row that still does not fit stays dead, with
     * the new reason; an unknown trigger still without a schema stays done.
     */
    public ReplayResult replay(EventReader<?> reader) throws SQLException {
        return replay(reader, null);
    }

    /** {@link #replay(EventReader)}, limited to the rows of one trigger ({@code null}: all rows). */
    public ReplayResult replay(EventReader<?> reader, String trigger) throws SQLException {
        ReplayResult result = InboxReplay.run(table, Objects.requireNonNull(reader, "reader"), trigger);
        if (result.requeued() > 0) {
            addedListeners.forEach(Runnable::run);
        }
        return result;
    }

    /**
     * Deletes done rows past their retention: those of known triggers done longer ago than {@code retention}, those of
     * unknown triggers longer ago than {@code unknownRetention}. Pending and dead rows are never deleted. The workers do
     * this every {@link InboxSettings#cleanupInterval()}.
     *
     * @return how many rows were deleted
     */
    public int deleteExpired(Duration retention, Duration unknownRetention) throws SQLException {
        return table.deleteDone(false, retention) + table.deleteDone(true, unknownRetention);
    }

    /** Lets this process's workers know at once that a row is waiting. */
    void whenAdded(Runnable listener) {
        addedListeners.add(listener);
    }

    void removeListener(Runnable listener) {
        addedListeners.remove(listener);
    }

    static String driftReason(WebhookParseException drift) {
        return "does not fit the schema at " + drift.location().orElse("$") + ": " + drift.problem();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
