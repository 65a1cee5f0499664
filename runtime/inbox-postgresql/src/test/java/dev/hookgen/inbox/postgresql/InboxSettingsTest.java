package dev.hookgen.inbox.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What needs no database: the settings, the backoff, the shipped script. */
class InboxSettingsTest {

    @Test
    void theScriptIsAFlywayMigrationAndALiquibaseChangelogAsItIs() {
        assertTrue(PostgresInbox.SCHEMA_SCRIPT.matches("db/hookgen/postgresql/V\\d+__\\w+\\.sql"), "Flyway's V<version>__<description>.sql");
        List<String> lines = PostgresInbox.schemaScript().lines().toList();
        assertEquals("--liquibase formatted sql", lines.get(0));
        assertEquals("--changeset hookgen:hookgen_inbox-1", lines.get(1));
    }

    @Test
    void settingsRefuseValuesOutOfRangeByName() {
        assertEquals("workers must be at least 1, not 0", assertThrows(IllegalArgumentException.class,
                () -> InboxSettings.defaults().withWorkers(0)).getMessage());
        assertEquals("lease must be positive, not PT0S", assertThrows(IllegalArgumentException.class,
                () -> InboxSettings.defaults().withLease(Duration.ZERO)).getMessage());
        assertEquals("the maximum backoff (PT1S) is shorter than the initial one (PT2S)",
                assertThrows(IllegalArgumentException.class,
                        () -> new Backoff(Duration.ofSeconds(2), 2, Duration.ofSeconds(1))).getMessage());
    }

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), 2, Duration.ofSeconds(1));
        assertEquals(List.of(200L, 400L, 800L, 1000L, 1000L),
                List.of(1, 2, 3, 4, 60).stream().map(n -> backoff.delay(n).toMillis()).toList());
        assertEquals(Duration.ofMinutes(10), Backoff.defaults().delay(Integer.MAX_VALUE));
    }
}
