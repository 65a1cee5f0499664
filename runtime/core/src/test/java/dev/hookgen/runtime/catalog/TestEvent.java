package dev.hookgen.runtime.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeResolver;
import dev.hookgen.runtime.Event;
import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.ParseLimits;
import dev.hookgen.runtime.StringTypeIds;

/**
 * A tiny hand-written catalog, annotated the way the generator annotates {@code WebhookEvent}: one trigger,
 * {@code ping}, and the fallback for the rest. The runtime's tests need a catalog but nothing generated.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "trigger",
        visible = true, defaultImpl = UnknownTestEvent.class)
@JsonTypeResolver(StringTypeIds.class)
@JsonSubTypes(@JsonSubTypes.Type(value = Ping.class, name = "ping"))
public sealed interface TestEvent extends Event permits Ping, UnknownTestEvent {

    /** A reader of this catalog with the default limits. */
    static EventReader<TestEvent> reader() {
        return reader(ParseLimits.defaults());
    }

    static EventReader<TestEvent> reader(ParseLimits limits) {
        return new EventReader<>(TestEvent.class, UnknownTestEvent::new, limits);
    }
}
