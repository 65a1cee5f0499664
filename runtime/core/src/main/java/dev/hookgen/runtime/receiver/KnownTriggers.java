package dev.hookgen.runtime.receiver;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.hookgen.runtime.EventReader;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The trigger names a catalog has schemas for, to label what a request brings with a bounded set of values: a metric's
 * tag, a key of a map kept per trigger. A trigger arrives in the body, so anyone who can post (an attacker with or
 * without credentials, or CometChat with a new trigger) could otherwise create a new label with each request, and with
 * it a new time series in the metrics backend, without end.
 *
 * <p>{@link #label} gives the name itself for a known trigger, {@value #OTHER} for every other string, and
 * {@value #NONE} when there is none (the request was refused before its body was parsed): at most
 * {@code names().size() + 2} values.
 *
 * <p>Immutable, thread-safe.
 */
public final class KnownTriggers {

    /** The label of a trigger the catalog has no schema for (an {@code UnknownEvent}, or any other string). */
    public static final String OTHER = "other";

    /** The label when there is no trigger: the request was refused before its body was read or parsed. */
    public static final String NONE = "none";

    private final Set<String> names;

    private KnownTriggers(Collection<String> names) {
        this.names = Set.copyOf(names);
    }

    /**
     * The triggers the catalog of {@code reader} binds to event classes: the names (and aliases) of the
     * {@code @JsonSubTypes} on its {@link EventReader#eventType()}, as the generator writes them. None when the event
     * type has no such annotation.
     */
    public static KnownTriggers of(EventReader<?> reader) {
        JsonSubTypes subTypes = reader.eventType().getAnnotation(JsonSubTypes.class);
        if (subTypes == null) {
            return new KnownTriggers(Set.of());
        }
        return new KnownTriggers(Arrays.stream(subTypes.value())
                .flatMap(type -> Stream.concat(Stream.of(type.name()), Arrays.stream(type.names())))
                .filter(name -> !name.isEmpty())
                .toList());
    }

    /** These names, and no others. */
    public static KnownTriggers of(Collection<String> names) {
        return new KnownTriggers(names);
    }

    /** The known trigger names, sorted. */
    public Set<String> names() {
        return new TreeSet<>(names);
    }

    /** {@code trigger} when it is known; {@value #OTHER} for any other string; {@value #NONE} for null. */
    public String label(String trigger) {
        if (trigger == null) {
            return NONE;
        }
        return names.contains(trigger) ? trigger : OTHER;
    }
}
