package dev.hookgen.runtime.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.ParseLimits;
import dev.hookgen.runtime.UntypedEvent;
import dev.hookgen.runtime.catalog.TestEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnownTriggersTest {

    @Test
    void theCatalogsTriggersAreTheNamesOfItsSubTypes() {
        assertEquals(Set.of("ping"), KnownTriggers.of(TestEvent.reader()).names());
    }

    @Test
    void aKnownTriggerIsItsOwnLabelAnyOtherStringIsOtherAndNoTriggerIsNone() {
        KnownTriggers known = KnownTriggers.of(TestEvent.reader());
        assertEquals("ping", known.label("ping"));
        assertEquals("other", known.label("pong"));
        assertEquals("other", known.label("ping\n"));
        assertEquals("other", known.label("PING"));
        assertEquals("other", known.label(""));
        assertEquals("none", known.label(null));
    }

    @Test
    void requestsCannotAddLabels() {
        KnownTriggers known = KnownTriggers.of(TestEvent.reader());
        Set<String> labels = new HashSet<>();
        IntStream.range(0, 10_000).mapToObj(i -> "trigger_" + i).map(known::label).forEach(labels::add);
        labels.add(known.label("ping"));
        labels.add(known.label(null));
        assertEquals(Set.of("ping", "other", "none"), labels);
    }

    @Test
    void aCatalogWithoutSubTypesKnowsNoTrigger() {
        EventReader<Untyped> reader = new EventReader<>(Untyped.class, Untyped::new, ParseLimits.defaults());
        assertEquals(Set.of(), KnownTriggers.of(reader).names());
        assertEquals("other", KnownTriggers.of(reader).label("ping"));
        assertEquals(List.of("a", "b"), List.copyOf(KnownTriggers.of(List.of("b", "a")).names()));
    }

    /** A catalog of nothing but the fallback. */
    static final class Untyped extends UntypedEvent {
        Untyped(ObjectNode json) {
            super(json);
        }
    }
}
