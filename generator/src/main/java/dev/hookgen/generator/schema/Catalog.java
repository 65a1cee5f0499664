package dev.hookgen.generator.schema;

import java.util.List;

/**
 * The immutable description of what to generate, read from a schema directory: every trigger and
 * every union, sorted, checked against the conventions in {@code schemas/README.md}.
 *
 * @param schemas the parsed schema documents
 * @param apiPackage the package of the event API
 * @param triggers the triggers, sorted by wire name
 * @param unions the unions, sorted by interface name
 */
public record Catalog(SchemaSet schemas, String apiPackage, List<TriggerSpec> triggers, List<UnionSpec> unions) {

    public Catalog {
        triggers = List.copyOf(triggers);
        unions = List.copyOf(unions);
    }
}
