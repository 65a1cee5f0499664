package dev.hookgen.runtime.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.runtime.UntypedEvent;

/** The catalog's fallback, as the generator writes {@code UnknownEvent}. */
public final class UnknownTestEvent extends UntypedEvent implements TestEvent {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public UnknownTestEvent(ObjectNode json) {
        super(json);
    }
}
