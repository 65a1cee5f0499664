package dev.hookgen.inbox.postgresql;

import dev.hookgen.runtime.Event;
import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.UntypedEvent;
import dev.hookgen.runtime.WebhookParseException;
import java.sql.SQLException;
import java.util.List;

/** The replay rule ({@link PostgresInbox#replay}), a page of rows at a time so that memory stays bounded. */
final class InboxReplay {

    private static final int PAGE = 500;

    private InboxReplay() {
    }

    static ReplayResult run(InboxTable table, EventReader<?> reader, String trigger) throws SQLException {
        int requeued = 0;
        int stillDead = 0;
        int stillUnknown = 0;
        long after = 0;
        List<InboxTable.Replayable> page;
        do {
            page = table.replayable(after, trigger, PAGE);
            for (InboxTable.Replayable row : page) {
                after = row.id();
                Event event;
                try {
                    event = reader.parse(row.body());
                } catch (WebhookParseException e) {
                    // a dead row that still does not fit, or an unknown trigger whose new schema it does not fit
                    table.stillDead(row.id(), row.status(), e.isSchemaDrift() ? PostgresInbox.driftReason(e) : e.getMessage());
                    stillDead++;
                    continue;
                }
                boolean untyped = event instanceof UntypedEvent;
                if (row.status().equals("done") && untyped) {
                    stillUnknown++;
                } else if (table.requeue(row.id(), row.status(), event.getTrigger(), untyped)) {
                    requeued++;
                }
            }
        } while (page.size() == PAGE);
        return new ReplayResult(requeued, stillDead, stillUnknown);
    }
}
