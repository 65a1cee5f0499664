package dev.hookgen.generator.schema;

import java.util.List;

/**
 * The immutable description of what to generate, read from a schema directory: every trigger and
 * every union, sorted, checked against the conventions in {@code schemas/README.md}.
 *
 * <p>Only the selected triggers are in it, and only the definitions and unions they reach through
 * {@code $ref}s: everything in it is generated.
 *
 * @param schemas the parsed schema documents, their classes placed in the configured packages
 * @param apiPackage the package of the event API
 * @param modelPackage the package of the other generated classes
 * @param triggers the selected triggers, sorted by wire name
 * @param unions the unions the triggers reach, sorted by interface name
 * @param definitions the files of {@code definitions/} the triggers reach, in name order
 */
public record Catalog(SchemaSet schemas, String apiPackage, String modelPackage, List<TriggerSpec> triggers,
                      List<UnionSpec> unions, List<SchemaFile> definitions) {

    public Catalog {
        triggers = List.copyOf(triggers);
        unions = List.copyOf(unions);
        definitions = List.copyOf(definitions);
    }
}
