package dev.hookgen.inbox.postgresql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A schema of its own on the real PostgreSQL, for one test class: created before its tests, dropped after, so that
 * parallel runs and reruns never see each other's rows. Register it with
 * {@code @RegisterExtension static final TestDatabase DB = new TestDatabase("name");}.
 *
 * <p>The server is {@code HOOKGEN_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}), user
 * {@code HOOKGEN_TEST_POSTGRES_USER} ({@code postgres}), password {@code HOOKGEN_TEST_POSTGRES_PASSWORD} (none: trust
 * auth). When it cannot be reached, the class's tests are skipped with the reason, except under {@code CI=true},
 * where they fail: CI must never pass by skipping them.
 */
public final class TestDatabase implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    public static final String URL = env("HOOKGEN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

    public static final String USER = env("HOOKGEN_TEST_POSTGRES_USER", "postgres");

    public static final String PASSWORD = env("HOOKGEN_TEST_POSTGRES_PASSWORD", "");

    private final String schema;

    private final List<HikariDataSource> pools = new ArrayList<>();

    private HikariDataSource shared;

    private boolean created;

    /** @param name part of the schema's name, to tell whose it is ({@code [a-z0-9_]}) */
    public TestDatabase(String name) {
        this.schema = "hookgen_test_" + name + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /** Why the server cannot be used, or null when it answers; asked once per test run. */
    private static String unreachable;

    private static boolean asked;

    private static synchronized String unreachable() {
        if (!asked) {
            asked = true;
            try (Connection connection = connect()) {
                connection.isValid(2);
            } catch (SQLException e) {
                unreachable = "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                        + "); start it as the README says to run these tests";
            }
        }
        return unreachable;
    }

    /**
     * Skips each test of the class, with the reason, when the server cannot be reached; under {@code CI=true} that is
     * an error instead.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty() || unreachable() == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true: " + unreachable());
        }
        return ConditionEvaluationResult.disabled(unreachable());
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        if (unreachable() == null) {
            execute("CREATE SCHEMA " + schema);
            created = true;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        pools.forEach(HikariDataSource::close);
        pools.clear();
        shared = null;
        if (created) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            created = false;
        }
    }

    /** The schema's name. */
    public String schema() {
        return schema;
    }

    /** A JDBC URL whose connections work in this schema ({@code currentSchema}). */
    public String jdbcUrl() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The class's shared pool on this schema: up to 8 connections. */
    public synchronized HikariDataSource dataSource() {
        if (shared == null) {
            shared = pool(8);
        }
        return shared;
    }

    /**
     * A new HikariCP pool on this schema (a service instance of its own, say), closed after the class's tests. It opens
     * connections as they are needed and closes idle ones after 10 s: the server's connections are shared with every
     * other test run on the machine.
     */
    public synchronized HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setIdleTimeout(10_000);
        config.setPoolName(schema + "-" + pools.size());
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /** Runs one statement in this schema. */
    public void update(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
            statement.execute(sql);
        }
    }

    /** The rows of a query in this schema, each a map of column to value, in column order. */
    public List<Map<String, Object>> query(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
            try (ResultSet result = statement.executeQuery(sql)) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** The one value of a one-row, one-column query. */
    public Object value(String sql) throws SQLException {
        List<Map<String, Object>> rows = query(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException(sql + " gave " + rows);
        }
        return rows.get(0).values().iterator().next();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(URL, properties);
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
