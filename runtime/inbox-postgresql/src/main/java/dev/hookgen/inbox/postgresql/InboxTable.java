package dev.hookgen.inbox.postgresql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * Every statement on {@code hookgen_inbox}, each in its own short transaction: the one place that knows the table's
 * columns. The database's clock ({@code now()}) times leases, backoff and retention, so that instances with skewed
 * clocks agree.
 *
 * <p>Only the insert of a delivery, which the 200 acknowledges, waits for its commit to reach the disk. The workers'
 * bookkeeping (claims, done, retries, dead, give-backs, retention) commits with {@code synchronous_commit} off for its
 * own transaction ({@link #ASYNC_COMMIT}): a crash of the database server can lose the last fraction of a second of it, and the rows concerned
 * are then handled again (at least once, never lost), while a worker no longer waits for a disk flush per event.
 *
 * <p>Every string from outside (a key, a trigger, an error message) goes to its {@code text} column through
 * {@link PostgresText}, which no NUL or lone surrogate can make fail or merge, and comes back through it as it was.
 */
final class InboxTable {

    /** An arbitrary constant: the advisory lock that serialises concurrent schema creation. */
    private static final long SCHEMA_LOCK = 0x686F6F6B67656EL; // "hookgen"

    /**
     * Appended to the workers' statements: their transaction (the statement's own, in auto-commit) commits without
     * waiting for the WAL to reach the disk. One statement, one round trip, instead of BEGIN; SET LOCAL; ...; COMMIT.
     * {@code set_config} is volatile, so it is evaluated, not folded away; a statement that matches no row writes
     * nothing, and then there is no commit to wait for anyway.
     */
    private static final String ASYNC_COMMIT = " AND set_config('synchronous_commit', 'off', true) IS NOT NULL";

    private static final String INSERT = "INSERT INTO hookgen_inbox (idempotency_key, trigger, body, untyped, status, last_error) "
            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING";

    private static final String CLAIM = "UPDATE hookgen_inbox SET lease_owner = ?, lease_expires_at = now() + ? * interval '1 millisecond', "
            + "attempts = attempts + 1, updated_at = now() "
            + "WHERE id IN (SELECT id FROM hookgen_inbox "
            + "WHERE status = 'pending' AND next_attempt_at <= now() AND (lease_expires_at IS NULL OR lease_expires_at <= now()) "
            + "ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)" + ASYNC_COMMIT
            + " RETURNING id, idempotency_key, trigger, body, attempts";

    private static final String DONE = "UPDATE hookgen_inbox SET status = 'done', untyped = ?, done_at = now(), updated_at = now(), "
            + "lease_owner = NULL, lease_expires_at = NULL, last_error = NULL WHERE id = ? AND lease_owner = ? AND attempts = ?" + ASYNC_COMMIT;

    private static final String RETRY = "UPDATE hookgen_inbox SET next_attempt_at = now() + ? * interval '1 millisecond', last_error = ?, "
            + "updated_at = now(), lease_owner = NULL, lease_expires_at = NULL WHERE id = ? AND lease_owner = ? AND attempts = ?" + ASYNC_COMMIT;

    private static final String DEAD = "UPDATE hookgen_inbox SET status = 'dead', last_error = ?, updated_at = now(), "
            + "lease_owner = NULL, lease_expires_at = NULL WHERE id = ? AND lease_owner = ? AND attempts = ?" + ASYNC_COMMIT;

    private static final String RELEASE = "UPDATE hookgen_inbox SET attempts = attempts - 1, updated_at = now(), "
            + "lease_owner = NULL, lease_expires_at = NULL WHERE id = ANY (?) AND lease_owner = ?" + ASYNC_COMMIT;

    private static final String COUNTS = "SELECT count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'dead') "
            + "FROM hookgen_inbox WHERE status IN ('pending', 'dead')";

    private static final String DELETE_DONE = "DELETE FROM hookgen_inbox WHERE id IN (SELECT id FROM hookgen_inbox "
            + "WHERE status = 'done' AND untyped = ? AND done_at < now() - ? * interval '1 millisecond' "
            + "LIMIT ? FOR UPDATE SKIP LOCKED)" + ASYNC_COMMIT;

    private static final String REPLAYABLE = "SELECT id, status, trigger, body FROM hookgen_inbox "
            + "WHERE id > ? AND (status = 'dead' OR (status = 'done' AND untyped)) AND (? IS NULL OR trigger = ?) ORDER BY id LIMIT ?";

    private static final String REQUEUE = "UPDATE hookgen_inbox SET status = 'pending', trigger = ?, untyped = ?, attempts = 0, "
            + "next_attempt_at = now(), last_error = NULL, done_at = NULL, lease_owner = NULL, lease_expires_at = NULL, updated_at = now() "
            + "WHERE id = ? AND status = ?";

    private static final String STILL_DEAD = "UPDATE hookgen_inbox SET status = 'dead', last_error = ?, updated_at = now() WHERE id = ? AND status = ?";

    /** The longest {@code last_error} kept, in characters. */
    static final int MAX_ERROR_LENGTH = 4000;

    private final DataSource dataSource;

    InboxTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the schema script in one transaction, holding an advisory lock so that instances starting at once wait in turn. */
    void createSchema(String script) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
                statement.execute(script);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Inserts a row unless its key is taken; whether it was inserted. */
    boolean insert(String key, String trigger, byte[] body, boolean untyped, String status, String lastError) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, PostgresText.encode(key));
            insert.setString(2, PostgresText.encode(trigger));
            insert.setBytes(3, body);
            insert.setBoolean(4, untyped);
            insert.setString(5, status);
            insert.setString(6, error(lastError));
            int inserted = insert.executeUpdate();
            commit(connection);
            return inserted == 1;
        }
    }

    /** Leases up to {@code limit} due rows to {@code owner}, oldest due first; rows locked by others are skipped. */
    List<InboxRow> claim(String owner, int limit, Duration lease) throws SQLException {
        List<InboxRow> rows = new ArrayList<>();
        bookkeeping(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setString(1, owner);
                claim.setLong(2, lease.toMillis());
                claim.setInt(3, limit);
                try (ResultSet result = claim.executeQuery()) {
                    while (result.next()) {
                        rows.add(new InboxRow(result.getLong(1), PostgresText.decode(result.getString(2)), PostgresText.decode(result.getString(3)),
                                result.getBytes(4), result.getInt(5)));
                    }
                }
            }
            return rows.size();
        });
        rows.sort(Comparator.comparingLong(InboxRow::id));
        return rows;
    }

    /** Marks a claimed row handled; false when the lease was lost (expired and claimed by another worker). */
    boolean done(InboxRow row, String owner, boolean untyped) throws SQLException {
        return bookkeeping(DONE, untyped, row.id(), owner, row.attempts()) == 1;
    }

    /** Returns a claimed row to pending, due after {@code delay}. */
    boolean retry(InboxRow row, String owner, Duration delay, String error) throws SQLException {
        return bookkeeping(RETRY, delay.toMillis(), error(error), row.id(), owner, row.attempts()) == 1;
    }

    /** Sets a claimed row aside as dead, with the reason. */
    boolean dead(InboxRow row, String owner, String error) throws SQLException {
        return bookkeeping(DEAD, error(error), row.id(), owner, row.attempts()) == 1;
    }

    /** Gives claimed rows back untouched, due at once, their attempt not counted. */
    void release(List<InboxRow> rows, String owner) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        bookkeeping(connection -> {
            try (PreparedStatement release = connection.prepareStatement(RELEASE)) {
                Array ids = connection.createArrayOf("bigint", rows.stream().map(InboxRow::id).toArray(Long[]::new));
                release.setArray(1, ids);
                release.setString(2, owner);
                return release.executeUpdate();
            }
        });
    }

    InboxCounts counts() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(COUNTS)) {
            result.next();
            InboxCounts counts = new InboxCounts(result.getLong(1), result.getLong(2));
            commit(connection);
            return counts;
        }
    }

    /** Deletes done rows (of unknown triggers, or of the others) done longer ago than {@code age}, in chunks; how many. */
    int deleteDone(boolean untyped, Duration age) throws SQLException {
        int chunk = 1000;
        int total = 0;
        int deleted;
        do {
            deleted = bookkeeping(DELETE_DONE, untyped, age.toMillis(), chunk);
            total += deleted;
        } while (deleted == chunk);
        return total;
    }

    /** A dead row, or a done row of an unknown trigger. */
    record Replayable(long id, String status, String trigger, byte[] body) {
    }

    /** The next replayable rows after {@code afterId}, of one trigger or (null) of all. */
    List<Replayable> replayable(long afterId, String trigger, int limit) throws SQLException {
        List<Replayable> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(REPLAYABLE)) {
            select.setLong(1, afterId);
            select.setString(2, PostgresText.encode(trigger));
            select.setString(3, PostgresText.encode(trigger));
            select.setInt(4, limit);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Replayable(result.getLong(1), result.getString(2), PostgresText.decode(result.getString(3)), result.getBytes(4)));
                }
            }
            commit(connection);
        }
        return rows;
    }

    /** Makes a row pending again with a fresh count of attempts, unless its status changed meanwhile. */
    boolean requeue(long id, String status, String trigger, boolean untyped) throws SQLException {
        return update(REQUEUE, PostgresText.encode(trigger), untyped, id, status);
    }

    /** Records why a row (dead, or done as an unknown trigger) does not fit the schemas now: it is dead. */
    void stillDead(long id, String status, String error) throws SQLException {
        update(STILL_DEAD, error(error), id, status);
    }

    /** One statement of the workers' bookkeeping, committed without waiting for the disk; how many rows it changed. */
    private int bookkeeping(String sql, Object... parameters) throws SQLException {
        return bookkeeping(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    update.setObject(i + 1, parameters[i]);
                }
                return update.executeUpdate();
            }
        });
    }

    /** Runs {@code work}, a statement ending in {@link #ASYNC_COMMIT}, and commits it (auto-commit, or explicitly). */
    private int bookkeeping(Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int changed = work.run(connection);
            commit(connection);
            return changed;
        }
    }

    @FunctionalInterface
    private interface Work {
        int run(Connection connection) throws SQLException;
    }

    private boolean update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            int updated = update.executeUpdate();
            commit(connection);
            return updated == 1;
        }
    }

    /** Commits when the pool hands out connections without auto-commit; a no-op otherwise. */
    private static void commit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** An error for {@code last_error}: cut to {@link #MAX_ERROR_LENGTH} characters (never inside a surrogate pair), then encoded. */
    private static String error(String error) {
        String kept = error == null || error.length() <= MAX_ERROR_LENGTH ? error : PostgresText.truncate(error, MAX_ERROR_LENGTH - 3) + "...";
        return PostgresText.encode(kept);
    }
}
