package dev.hookgen.examples.receiver;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.inbox.postgresql.InboxSettings;
import dev.hookgen.inbox.postgresql.InboxWorkers;
import dev.hookgen.inbox.postgresql.PostgresInbox;
import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.receiver.EventHandler;
import java.sql.SQLException;

/**
 * {@code --inbox-jdbc-url}: the receiver answers 200 once the event is committed in PostgreSQL's {@code hookgen_inbox}
 * (created if missing), and worker threads hand the stored events to the handler (the events file) afterwards, so
 * that several receivers behind a load balancer share one deduplicated, durable queue.
 */
final class InboxMode implements AutoCloseable {

    private final HikariDataSource pool;

    private final PostgresInbox inbox;

    private InboxWorkers<WebhookEvent> workers;

    private InboxMode(HikariDataSource pool, PostgresInbox inbox) {
        this.pool = pool;
        this.inbox = inbox;
    }

    /**
     * Connects and creates the table unless it exists; the workers start with {@link #startWorkers}, once the
     * receiver, and so its reader, exists.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
     * @param connections the most connections the receiver's request threads may use at once
     */
    static InboxMode open(String jdbcUrl, int connections) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("hookgen-inbox");
        config.setMaximumPoolSize(connections + InboxSettings.defaults().workers() + 1);
        config.setMinimumIdle(Math.min(4, config.getMaximumPoolSize()));
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) { // Hikari's PoolInitializationException wraps the driver's SQLException
            throw new SQLException("cannot connect: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
        try {
            PostgresInbox inbox = new PostgresInbox(pool);
            inbox.createSchema();
            return new InboxMode(pool, inbox);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    PostgresInbox inbox() {
        return inbox;
    }

    /**
     * Starts the workers that hand stored events to {@code handler}.
     *
     * @param reader the receiver's ({@link dev.hookgen.runtime.receiver.WebhookReceiver#reader()}): stored bodies are
     *     read with the limits they were accepted under
     */
    void startWorkers(EventReader<WebhookEvent> reader, EventHandler<WebhookEvent> handler) {
        workers = inbox.workers(reader, handler, InboxSettings.defaults());
        workers.start();
    }

    /** Stops the workers (each finishes its event and gives back the rows it did not start), then the pool. */
    @Override
    public void close() {
        if (workers != null) {
            workers.close();
        }
        pool.close();
    }
}
