package dev.hookgen.runtime;

import java.util.List;

/**
 * The base of every event class with a schema: what the reader learnt while binding it. The generator makes each
 * trigger's class extend it; equality and the JSON written stay those of the fields alone.
 */
public abstract class TypedEvent implements Event {

    private List<SchemaDrift> schemaDrift = List.of();

    /** For subclasses: events are made by Jackson. */
    protected TypedEvent() {
    }

    @Override
    public final List<SchemaDrift> schemaDrift() {
        return schemaDrift;
    }

    /** Set once by the reader that bound this event. */
    final void schemaDrift(List<SchemaDrift> drift) {
        this.schemaDrift = List.copyOf(drift);
    }
}
