package dev.hookgen.runtime;

import com.fasterxml.jackson.databind.DeserializationContext;
import java.util.ArrayList;
import java.util.List;

/** The tolerated drift of one reading, collected by {@link TolerantProperties} through the reading's attributes. */
final class DriftLog {

    private final List<SchemaDrift> entries = new ArrayList<>();

    static DriftLog of(DeserializationContext context) {
        DriftLog log = (DriftLog) context.getAttribute(DriftLog.class);
        if (log == null) {
            throw new IllegalStateException("a tolerant reading without its DriftLog attribute");
        }
        return log;
    }

    void add(SchemaDrift drift) {
        entries.add(drift);
    }

    List<SchemaDrift> entries() {
        return entries;
    }
}
