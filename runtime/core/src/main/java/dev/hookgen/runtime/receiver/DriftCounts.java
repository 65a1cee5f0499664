package dev.hookgen.runtime.receiver;

import dev.hookgen.runtime.Event;
import dev.hookgen.runtime.SchemaDrift;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each (trigger, JSON path) has arrived with another type than its schema gives and was tolerated
 * ({@link Event#schemaDrift()}), so that a receiver can log each once, the first time, and report the counts.
 *
 * <p>Bounded: at most {@value #MAX_PLACES} places are told apart (a path under a map keyed by id differs per id);
 * past that, drift is counted under {@value #OTHER}. Paths are cut to {@value #MAX_PATH_LENGTH} characters.
 * Thread-safe.
 */
public final class DriftCounts {

    /** The most places counted one by one. */
    public static final int MAX_PLACES = 1_000;

    /** The longest path kept, in characters. */
    public static final int MAX_PATH_LENGTH = 200;

    /** Where drift past {@link #MAX_PLACES} places is counted. */
    public static final String OTHER = "(other places)";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /**
     * Counts the event's drift.
     *
     * @return the drift at places seen for the first time: what to log
     */
    public List<SchemaDrift> count(Event event) {
        List<SchemaDrift> first = new ArrayList<>();
        for (SchemaDrift drift : event.schemaDrift()) {
            String place = place(event.getTrigger(), drift.path());
            LongAdder count = counts.get(place);
            if (count == null) {
                if (counts.size() >= MAX_PLACES) {
                    place = OTHER;
                }
                LongAdder fresh = new LongAdder();
                count = counts.putIfAbsent(place, fresh);
                if (count == null) {
                    count = fresh;
                    first.add(drift);
                }
            }
            count.increment();
        }
        return first;
    }

    /** Each place ({@code trigger $.path}) with how often drift arrived there, sorted by place. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((place, count) -> snapshot.put(place, count.sum()));
        return snapshot;
    }

    private static String place(String trigger, String path) {
        String place = trigger + " " + path;
        return place.length() > MAX_PATH_LENGTH ? place.substring(0, MAX_PATH_LENGTH) : place;
    }
}
