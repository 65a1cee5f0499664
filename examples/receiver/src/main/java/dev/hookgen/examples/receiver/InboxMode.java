package dev.hookgen.examples.receiver;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.inbox.postgresql.InboxSettings;
import dev.hookgen.inbox.postgresql.InboxWorkers;
import dev.hookgen.inbox.postgresql.PostgresInbox;
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

    private final InboxWorkers<WebhookEvent> workers;

    private InboxMode(HikariDataSource pool, PostgresInbox inbox, InboxWorkers<WebhookEvent> workers) {
        this.pool = pool;
        this.inbox = inbox;
        this.workers = workers;
    }

    /**
     * Connects, creates the table unless it exists, and starts the workers.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
     * @param connections the most connections the receiver's request threads may use at once
     */
    static InboxMode start(String jdbcUrl, int connections, EventHandler<WebhookEvent> handler) throws SQLException {
        InboxSettings settings = InboxSettings.defaults();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("hookgen-inbox");
        config.setMaximumPoolSize(connections + settings.workers() + 1);
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
            InboxWorkers<WebhookEvent> workers = inbox.workers(WebhookEvents.parser(), handler, settings);
            workers.start();
            return new InboxMode(pool, inbox, workers);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    PostgresInbox inbox() {
        return inbox;
    }

    /** Stops the workers (each finishes its event and gives back the rows it did not start), then the pool. */
    @Override
    public void close() {
        workers.close();
        pool.close();
    }
}
