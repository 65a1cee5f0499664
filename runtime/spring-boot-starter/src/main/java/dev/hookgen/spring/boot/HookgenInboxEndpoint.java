package dev.hookgen.spring.boot;

import dev.hookgen.inbox.postgresql.InboxCounts;
import dev.hookgen.inbox.postgresql.PostgresInbox;
import dev.hookgen.inbox.postgresql.ReplayResult;
import dev.hookgen.runtime.EventReader;
import java.sql.SQLException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The Actuator endpoint {@code hookgen} of inbox mode (expose it: {@code management.endpoints.web.exposure.include=hookgen}):
 * <ul>
 * <li>{@code GET /actuator/hookgen}: {@code {"pending": 0, "dead": 2}};</li>
 * <li>{@code POST /actuator/hookgen}: replays every dead row and every row of an unknown trigger
 *     ({@link PostgresInbox#replay}), answering {@code {"requeued": 2, "stillDead": 0, "stillUnknown": 0}};</li>
 * <li>{@code POST /actuator/hookgen/{trigger}}: the same for the rows of one trigger.</li>
 * </ul>
 * Secure it as you secure Actuator: a replay makes handlers run again.
 */
@Endpoint(id = "hookgen")
public class HookgenInboxEndpoint {

    private final PostgresInbox inbox;

    private final EventReader<?> reader;

    HookgenInboxEndpoint(PostgresInbox inbox, EventReader<?> reader) {
        this.inbox = inbox;
        this.reader = reader;
    }

    @ReadOperation
    public InboxCounts counts() throws SQLException {
        return inbox.counts();
    }

    @WriteOperation
    public ReplayResult replay() throws SQLException {
        return inbox.replay(reader);
    }

    @WriteOperation
    public ReplayResult replayTrigger(@Selector String trigger) throws SQLException {
        return inbox.replay(reader, trigger);
    }
}
