package dev.hookgen.generator.scaffold;

import static dev.hookgen.generator.schema.Annotations.EXISTING_JAVA_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.generator.schema.SchemaFile;
import dev.hookgen.generator.schema.SchemaSet;
import dev.hookgen.generator.schema.SchemaSet.Resolved;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses a draft's idempotency key: {@code /webhook}, {@code /trigger}, then the first id-like and
 * the first timestamp-like field under {@code /data}, breadth first in the sample's order, through
 * declared properties only (followed through {@code $ref}s into the shared definitions; never into
 * maps or arrays, which a pointer cannot name by a fixed key). An exact id name ({@code id},
 * {@code uid}, {@code guid}, {@code sessionId}, ...) wins over a name that only ends in {@code Id}.
 *
 * <p>Every chosen part is made required, as the conventions ask: in the draft's own object when the
 * field is in an inline object, otherwise in a root {@code allOf} tightening.
 */
final class IdempotencyKeyChooser {

    private static final Set<String> EXACT_IDS = Set.of("id", "uid", "guid", "sessionId", "sessionid", "messageId", "_id");

    /** The pointers, and what to say about them. */
    record Choice(List<String> pointers, List<String> notes) {}

    private record Field(List<String> path, Resolved schema, JsonNode value) {
        String name() {
            return path.get(path.size() - 1);
        }

        String pointer() {
            StringBuilder out = new StringBuilder();
            path.forEach(p -> out.append('/').append(SchemaSet.escape(p)));
            return out.toString();
        }
    }

    private IdempotencyKeyChooser() {}

    static boolean idLike(String name) {
        return EXACT_IDS.contains(name) || name.endsWith("Id") || name.endsWith("_id");
    }

    static boolean timestampLike(String name) {
        return name.endsWith("At") || name.endsWith("_at") || name.equals("timestamp")
                || name.endsWith("Timestamp") || name.endsWith("_timestamp");
    }

    static Choice choose(ObjectNode root, JsonNode sample, SchemaSet schemas, String wireName) {
        SchemaFile draft = new SchemaFile("triggers/" + wireName + ".json",
                schemas.directory().resolve("triggers").resolve(wireName + ".json"), root);
        List<Field> ids = new ArrayList<>();
        List<Field> timestamps = new ArrayList<>();
        Deque<Field> queue = new ArrayDeque<>();
        queue.add(new Field(List.of("data"), schemas.deref(new Resolved(draft, "/properties/data",
                root.path("properties").path("data"))), sample.get("data")));
        while (!queue.isEmpty()) {
            Field object = queue.poll();
            JsonNode properties = object.schema().node().path("properties");
            if (!properties.isObject() || object.schema().node().has(EXISTING_JAVA_TYPE)) {
                continue;
            }
            for (Map.Entry<String, JsonNode> entry : object.value().properties()) {
                JsonNode declared = properties.get(entry.getKey());
                if (declared == null) {
                    continue;
                }
                List<String> path = new ArrayList<>(object.path());
                path.add(entry.getKey());
                Resolved schema = schemas.deref(new Resolved(object.schema().file(),
                        object.schema().pointer() + "/properties/" + SchemaSet.escape(entry.getKey()), declared));
                Field field = new Field(path, schema, entry.getValue());
                String type = schema.node().path("type").asText();
                JsonNode value = entry.getValue();
                if (value.isObject()) {
                    queue.add(field);
                } else if ((value.isTextual() && type.equals("string")) || (value.isIntegralNumber() && type.equals("integer"))) {
                    if (idLike(entry.getKey())) {
                        ids.add(field);
                    }
                    if (timestampLike(entry.getKey()) && value.isIntegralNumber()) {
                        timestamps.add(field);
                    }
                }
            }
        }
        List<String> pointers = new ArrayList<>(List.of("/webhook", "/trigger"));
        List<String> notes = new ArrayList<>();
        Optional<Field> id = ids.stream().filter(f -> EXACT_IDS.contains(f.name())).findFirst()
                .or(() -> ids.stream().findFirst());
        Optional<Field> timestamp = timestamps.stream().findFirst();
        List<Field> chosen = new ArrayList<>();
        id.ifPresent(chosen::add);
        timestamp.ifPresent(chosen::add);
        for (Field field : chosen) {
            pointers.add(field.pointer());
            require(root, draft, schemas, field.path());
        }
        StringBuilder note = new StringBuilder("x-hookgen-idempotency-key: ").append(String.join(", ", pointers))
                .append(", chosen as the first id-like and the first timestamp-like field under /data");
        if (id.isEmpty()) {
            note.append("; no id-like field was found: add the fields that identify one event");
        }
        if (timestamp.isEmpty()) {
            note.append("; no timestamp-like field was found: an id alone may repeat (pinned, unpinned, pinned again)");
        }
        notes.add(note.append(". Check that the key identifies one event; each part is required.").toString());
        return new Choice(pointers, notes);
    }

    /** Makes the field at {@code path} required: in the draft's inline object, or through a root allOf tightening. */
    private static void require(ObjectNode root, SchemaFile draft, SchemaSet schemas, List<String> path) {
        Resolved container = new Resolved(draft, "", root);
        for (int i = 0; i < path.size(); i++) {
            String name = path.get(i);
            if (container.file().name().equals(draft.name())) {
                addRequired((ObjectNode) container.node(), name);
            } else if (!contains(container.node().path("required"), name)) {
                ObjectNode tightening = tightening(root);
                for (String step : path.subList(0, i)) {
                    tightening = child(child(tightening, "properties"), step);
                }
                addRequired(tightening, name);
            }
            container = schemas.deref(new Resolved(container.file(),
                    container.pointer() + "/properties/" + SchemaSet.escape(name), container.node().path("properties").get(name)));
        }
    }

    private static ObjectNode tightening(ObjectNode root) {
        ArrayNode allOf = root.has("allOf") ? (ArrayNode) root.get("allOf") : root.putArray("allOf");
        if (allOf.isEmpty()) {
            allOf.addObject();
        }
        return (ObjectNode) allOf.get(0);
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode object ? object : parent.putObject(name);
    }

    /** Adds {@code name} to the object's {@code required}, which goes before {@code properties}, as in the hand-written schemas. */
    private static void addRequired(ObjectNode object, String name) {
        if (!(object.get("required") instanceof ArrayNode)) {
            List<Map.Entry<String, JsonNode>> fields = object.properties().stream()
                    .map(f -> Map.entry(f.getKey(), f.getValue())).toList();
            object.removeAll();
            for (Map.Entry<String, JsonNode> field : fields) {
                if (field.getKey().equals("properties")) {
                    object.putArray("required");
                }
                object.set(field.getKey(), field.getValue());
            }
            if (!object.has("required")) {
                object.putArray("required");
            }
        }
        ArrayNode array = (ArrayNode) object.get("required");
        if (!contains(array, name)) {
            array.add(name);
        }
    }

    private static boolean contains(JsonNode array, String name) {
        for (JsonNode item : array) {
            if (item.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
