package dev.hookgen.runtime.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.SchemaDrift;
import dev.hookgen.runtime.catalog.TestEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftCountsTest {

    private static final EventReader<TestEvent> READER = TestEvent.reader();

    private static TestEvent ping(String id, String data) {
        return READER.parse("{\"trigger\":\"ping\",\"data\":{\"id\":\"" + id + "\"" + data + "}}");
    }

    @Test
    void eachPlaceIsReportedTheFirstTimeAndCountedEveryTime() {
        DriftCounts counts = new DriftCounts();
        List<SchemaDrift> first = counts.count(ping("1", ",\"at\":\"x\",\"score\":\"y\""));
        assertEquals(List.of("$.data.at", "$.data.score"), first.stream().map(SchemaDrift::path).toList());
        assertEquals(List.of(), counts.count(ping("2", ",\"at\":\"z\"")));
        assertEquals(List.of(), counts.count(ping("3", "")));
        assertEquals(Map.of("ping $.data.at", 2L, "ping $.data.score", 1L), counts.snapshot());
    }

    @Test
    void placesAreBoundedSoThatIndexesOrIdsInPathsCannotGrowItWithoutEnd() {
        DriftCounts counts = new DriftCounts();
        int events = DriftCounts.MAX_PLACES + 300;
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < events; i++) {
            // the item of another type is at index i: a new place each time
            List<SchemaDrift> first = counts.count(ping("1", ",\"tags\":[" + tags + "5]"));
            assertEquals(i < DriftCounts.MAX_PLACES + 1 ? 1 : 0, first.size(), "event " + i);
            tags.append("\"a\",");
        }
        Map<String, Long> snapshot = counts.snapshot();
        assertEquals(DriftCounts.MAX_PLACES + 1, snapshot.size());
        assertEquals(events - DriftCounts.MAX_PLACES, snapshot.get(DriftCounts.OTHER));
        assertEquals(events, snapshot.values().stream().mapToLong(Long::longValue).sum());
    }
}
