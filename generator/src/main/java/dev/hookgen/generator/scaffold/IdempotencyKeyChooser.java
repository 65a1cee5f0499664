package dev.hookgen.generator.scaffold;

import static dev.hookgen.generator.schema.Annotations.EXISTING_JAVA_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.generator.schema.Annotations;
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
 * Chooses a draft's idempotency key by the rule every trigger's key follows: the subject of the event and the
 * event's own time, or, where the payload has no time of its own, a digest of {@code data}.
 * <ul>
 *   <li>{@code /webhook}, {@code /trigger};</li>
 *   <li>the subject: the first id-like field under {@code /data}, breadth first in the sample's order, through
 *       declared properties only (followed through {@code $ref}s into the shared definitions; never into maps or
 *       arrays). An exact id name ({@code id}, {@code uid}, {@code guid}, {@code sessionId}, ...) wins over a name
 *       that only ends in {@code Id};</li>
 *   <li>the subject's members: {@code keys(...)} of every map of objects keyed by id directly under {@code /data}
 *       ({@code members}, {@code users}), which no pointer can name;</li>
 *   <li>the time: the first timestamp-like integer directly under {@code /data} or beside the chosen id, except
 *       snapshot fields CometChat renders at delivery time ({@code lastActiveAt}, {@code updatedAt},
 *       {@code deactivatedAt}): they can change between a delivery and its retry, and two events can share them;</li>
 *   <li>and {@code digest(/data)}, always, in a draft: a draft cannot know that the parts above are all that tells
 *       two occurrences apart, and with the digest every other field of {@code data} does too (a retry whose
 *       snapshots were re-rendered becomes a duplicate, never a loss); the reviewer narrows the key.</li>
 * </ul>
 *
 * <p>Every chosen part is made required, as the conventions ask: in the draft's own object when the
 * field is in an inline object, otherwise in a root {@code allOf} tightening. The reason is written to
 * {@code x-hookgen-idempotency-key-reason}, marked for review.
 */
final class IdempotencyKeyChooser {

    private static final Set<String> EXACT_IDS = Set.of("id", "uid", "guid", "sessionId", "sessionid", "messageId", "_id");

    /** Timestamps that describe the state of a thing when the payload was rendered, not when the event happened. */
    private static final Set<String> SNAPSHOTS = Set.of("lastActiveAt", "updatedAt", "deactivatedAt");

    private static final String MAP_TYPE = "java.util.Map<java.lang.String,";

    /** The parts, and what to say about them. */
    record Choice(List<String> pointers, List<String> notes) {}

    private record Field(List<String> path, Resolved schema, JsonNode value) {
        String name() {
            return path.get(path.size() - 1);
        }

        List<String> parent() {
            return path.subList(0, path.size() - 1);
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
        List<Field> maps = new ArrayList<>();
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
                if (value.isObject() && isMapOfObjects(schema, value)) {
                    if (path.size() == 2) {
                        maps.add(field);
                    }
                } else if (value.isObject()) {
                    queue.add(field);
                } else if ((value.isTextual() && type.equals("string")) || (value.isIntegralNumber() && type.equals("integer"))) {
                    if (idLike(entry.getKey())) {
                        ids.add(field);
                    }
                    if (timestampLike(entry.getKey()) && value.isIntegralNumber() && !SNAPSHOTS.contains(entry.getKey())) {
                        timestamps.add(field);
                    }
                }
            }
        }
        Optional<Field> id = ids.stream().filter(f -> EXACT_IDS.contains(f.name())).findFirst()
                .or(() -> ids.stream().findFirst());
        Optional<Field> time = timestamps.stream()
                .filter(t -> t.path().size() == 2 || id.isPresent() && t.parent().equals(id.get().parent()))
                .findFirst();

        List<String> pointers = new ArrayList<>(List.of("/appId", "/webhook", "/trigger"));
        List<String> why = new ArrayList<>();
        id.ifPresent(f -> {
            pointers.add(f.pointer());
            require(root, draft, schemas, f.path());
            why.add("`" + f.pointer() + "` names the subject");
        });
        for (Field map : maps) {
            pointers.add("keys(" + map.pointer() + ")");
            require(root, draft, schemas, map.path());
            why.add("`keys(" + map.pointer() + ")` the ones it concerns, which are the map's keys");
        }
        time.ifPresent(f -> {
            pointers.add(f.pointer());
            require(root, draft, schemas, f.path());
            why.add("`" + f.pointer() + "` is the event's own time");
        });
        pointers.add("digest(/data)");
        if (time.isEmpty()) {
            why.add("no time of the event's own was found (" + (timestamps.isEmpty() ? "no timestamp besides snapshots"
                    : "only times of other objects") + "), so `digest(/data)` tells two occurrences apart; a retry whose"
                    + " snapshots CometChat re-rendered then gets a new key and is delivered twice, a duplicate, never a loss");
        } else {
            why.add("`digest(/data)` as well, because a draft cannot know that these parts are all that tells two"
                    + " occurrences apart: with it, any other field of data does too, and the worst case is a retry"
                    + " delivered twice, never an event dropped; narrow the key once you know, and list what it leaves"
                    + " out in " + Annotations.IDEMPOTENCY_KEY_EXCLUDES);
        }
        String reason = SchemaScaffolder.REVIEW + " " + capitalize(String.join("; ", why)) + ".";
        putAfter(root, Annotations.IDEMPOTENCY_KEY, Annotations.IDEMPOTENCY_KEY_REASON, reason);

        StringBuilder note = new StringBuilder("x-hookgen-idempotency-key: ").append(String.join(", ", pointers))
                .append(", chosen as the subject (the first id-like field under /data, the keys of maps of it) and the"
                        + " event's own time, or a digest of data where there is none");
        if (id.isEmpty() && maps.isEmpty()) {
            note.append("; no id-like field was found: add the fields that identify one event");
        }
        note.append(". Check that the key identifies one occurrence and write why in ").append(Annotations.IDEMPOTENCY_KEY_REASON)
                .append("; the generated-models tests list every id or time in the samples that the key does not cover:"
                        + " add it to the key or to ").append(Annotations.IDEMPOTENCY_KEY_EXCLUDES).append(" with a reason.");
        return new Choice(pointers, List.of(note.toString()));
    }

    /** A map keyed by id whose values are objects (users, members): not a map of counts or flags. */
    private static boolean isMapOfObjects(Resolved schema, JsonNode value) {
        if (!schema.node().path(EXISTING_JAVA_TYPE).asText().replace(" ", "").startsWith(MAP_TYPE) || value.isEmpty()) {
            return false;
        }
        for (JsonNode item : value) {
            if (!item.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Sets {@code name} right after {@code after} in {@code object}'s field order, as a hand-written schema has it. */
    private static void putAfter(ObjectNode object, String after, String name, String value) {
        List<Map.Entry<String, JsonNode>> fields = object.properties().stream()
                .filter(f -> !f.getKey().equals(name))
                .map(f -> Map.entry(f.getKey(), f.getValue())).toList();
        object.removeAll();
        for (Map.Entry<String, JsonNode> field : fields) {
            object.set(field.getKey(), field.getValue());
            if (field.getKey().equals(after)) {
                object.put(name, value);
            }
        }
        if (!object.has(name)) {
            object.put(name, value);
        }
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
