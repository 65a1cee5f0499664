package dev.hookgen.generator.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which triggers of a schema directory to generate, by wire name: those {@code includes} names (all
 * when it is empty) and {@code excludes} does not. A name may use {@code *} for any characters
 * ({@code message_*}). A name that matches no trigger is an error, so a typo does not pass silently.
 *
 * @param includes wire names or patterns to generate; empty for every trigger
 * @param excludes wire names or patterns to leave out
 */
public record TriggerSelection(List<String> includes, List<String> excludes) {

    public static final TriggerSelection ALL = new TriggerSelection(List.of(), List.of());

    public TriggerSelection {
        includes = clean(includes);
        excludes = clean(excludes);
    }

    /** The selected wire names of {@code available}, sorted. */
    public List<String> select(Set<String> available) {
        check("includeTriggers", includes, available);
        check("excludeTriggers", excludes, available);
        List<String> selected = new ArrayList<>();
        for (String wire : new TreeSet<>(available)) {
            if (selects(wire)) {
                selected.add(wire);
            }
        }
        if (selected.isEmpty()) {
            throw new SchemaException("triggers/", null, "no trigger left to generate: includeTriggers " + includes
                    + ", excludeTriggers " + excludes);
        }
        return selected;
    }

    /** Whether {@code wireName} is selected: included (or no includes given) and not excluded. */
    public boolean selects(String wireName) {
        return (includes.isEmpty() || matchesAny(includes, wireName)) && !matchesAny(excludes, wireName);
    }

    private static void check(String option, List<String> patterns, Set<String> available) {
        for (String pattern : patterns) {
            if (available.stream().noneMatch(wire -> matches(pattern, wire))) {
                throw new SchemaException("triggers/", null, option + ": \"" + pattern + "\" matches no trigger");
            }
        }
    }

    private static boolean matchesAny(List<String> patterns, String wire) {
        return patterns.stream().anyMatch(p -> matches(p, wire));
    }

    private static boolean matches(String pattern, String wire) {
        return Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"))
                .transform(wire::matches);
    }

    private static List<String> clean(List<String> names) {
        List<String> out = new ArrayList<>();
        if (names != null) {
            for (String name : names) {
                if (name != null && !name.isBlank()) {
                    out.add(name.strip());
                }
            }
        }
        return List.copyOf(out);
    }
}
