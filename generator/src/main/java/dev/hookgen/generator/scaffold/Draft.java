package dev.hookgen.generator.scaffold;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A trigger schema inferred from a sample, not yet on disk.
 *
 * @param wireName the trigger's wire name
 * @param schema the draft of {@code triggers/<wireName>.json}
 * @param notes what a person should review, one line each (also in the schema's {@code $comment})
 */
public record Draft(String wireName, ObjectNode schema, List<String> notes) {

    public Draft {
        notes = List.copyOf(notes);
    }

    /** The schema's file, relative to the schema directory. */
    public String schemaFile() {
        return "triggers/" + wireName + ".json";
    }

    /** The sample's file, relative to the schema directory. */
    public String sampleFile() {
        return "samples/" + wireName + ".json";
    }

    /** The schema as it is written to disk. */
    public String text() {
        return SchemaJson.format(schema);
    }
}
