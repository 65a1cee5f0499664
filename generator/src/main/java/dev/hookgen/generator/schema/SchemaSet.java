package dev.hookgen.generator.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The schema documents of one schema directory, parsed strictly, with {@code $ref} resolution.
 * Files are kept in name order, so everything derived from a set is deterministic.
 */
public final class SchemaSet {

    /** The folders a schema directory is made of, in generation order. */
    public static final List<String> FOLDERS = List.of("definitions", "triggers");

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Path directory;
    private final UnaryOperator<JsonNode> placement;
    private final Map<String, SchemaFile> files = new TreeMap<>();

    private SchemaSet(Path directory, UnaryOperator<JsonNode> placement) {
        this.directory = directory.toAbsolutePath().normalize();
        this.placement = placement;
    }

    /** Reads {@code definitions/*.json} and {@code triggers/*.json} below {@code directory}. */
    public static SchemaSet read(Path directory) {
        SchemaSet set = new SchemaSet(directory, UnaryOperator.identity());
        if (!Files.isDirectory(set.directory.resolve("triggers"))) {
            throw new SchemaException("directory " + directory, null, "no triggers/ folder");
        }
        for (String folder : FOLDERS) {
            Path dir = set.directory.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(set::load);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        return set;
    }

    public Path directory() {
        return directory;
    }

    /**
     * This set with every generated class placed by configuration: the class of a trigger schema's
     * root in {@code apiPackage}, every other {@code javaType} in {@code modelPackage}, each keeping the
     * simple name its schema gives. {@code existingJavaType}s that name such a class
     * ({@code java.util.Map<java.lang.String,dev.hookgen.cometchat.model.User>}) follow it. The documents
     * on disk are not changed; a set whose classes are already there is returned as it is.
     */
    public SchemaSet placedIn(String apiPackage, String modelPackage) {
        Map<String, String> moved = new TreeMap<>();
        for (SchemaFile file : files()) {
            boolean trigger = file.name().startsWith("triggers/");
            walk(file.root(), "", (pointer, node) -> {
                JsonNode javaType = node.get(Annotations.JAVA_TYPE);
                if (javaType != null && javaType.isTextual()) {
                    String target = (trigger && pointer.isEmpty() ? apiPackage : modelPackage) + "." + Names.simpleName(javaType.asText());
                    if (!target.equals(javaType.asText())) {
                        moved.putIfAbsent(javaType.asText(), target);
                    }
                }
            });
        }
        if (moved.isEmpty()) {
            return this;
        }
        SchemaSet placed = new SchemaSet(directory, root -> place(root, apiPackage, modelPackage, moved));
        files.forEach((name, file) -> placed.files.put(name, new SchemaFile(name, file.path(), placed.placement.apply(file.root()))));
        return placed;
    }

    private static JsonNode place(JsonNode root, String apiPackage, String modelPackage, Map<String, String> moved) {
        JsonNode copy = root.deepCopy();
        walk(copy, "", (pointer, node) -> {
            ObjectNode object = (ObjectNode) node;
            JsonNode javaType = object.get(Annotations.JAVA_TYPE);
            if (javaType != null && javaType.isTextual()) {
                object.put(Annotations.JAVA_TYPE, moved.getOrDefault(javaType.asText(), javaType.asText()));
            }
            JsonNode existing = object.get(Annotations.EXISTING_JAVA_TYPE);
            if (existing != null && existing.isTextual()) {
                StringBuilder type = new StringBuilder();
                for (String token : existing.asText().split("(?=[<>,])|(?<=[<>,])")) {
                    type.append(moved.getOrDefault(token.strip(), token));
                }
                object.put(Annotations.EXISTING_JAVA_TYPE, type.toString());
            }
        });
        return copy;
    }

    /** The file at {@code uri} ({@code file:} URIs of this set's files), if it is one of this set's. */
    public Optional<SchemaFile> file(URI uri) {
        if (!"file".equals(uri.getScheme())) {
            return Optional.empty();
        }
        Path path;
        try {
            path = Path.of(new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null)).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!path.startsWith(directory)) {
            return Optional.empty();
        }
        String name = nameOf(path);
        SchemaFile file = files.get(name);
        if (file == null && Files.isRegularFile(path)) {
            file = load(path);
        }
        return Optional.ofNullable(file);
    }

    /** Every file, in name order. */
    public List<SchemaFile> files() {
        return List.copyOf(files.values());
    }

    /** The file named {@code name} ({@code triggers/message_sent.json}). */
    public SchemaFile file(String name) {
        SchemaFile file = files.get(name);
        if (file == null) {
            throw new IllegalArgumentException("no schema " + name + " in " + directory);
        }
        return file;
    }

    /** The files of one folder ({@code "triggers"}), in name order. */
    public List<SchemaFile> files(String folder) {
        return files.values().stream().filter(f -> f.name().startsWith(folder + "/")).toList();
    }

    /**
     * Resolves a {@code $ref} written in {@code from} at {@code pointer}.
     *
     * @throws SchemaException naming {@code from} and {@code pointer} when the file or the fragment does not exist
     */
    public Resolved resolve(SchemaFile from, String pointer, String ref) {
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        SchemaFile target = from;
        if (!filePart.isEmpty()) {
            Path path = from.path().getParent().resolve(filePart).normalize();
            target = files.get(nameOf(path));
            if (target == null) {
                if (!path.startsWith(directory) || !Files.isRegularFile(path)) {
                    throw from.error(pointer, "$ref \"" + ref + "\" not found");
                }
                target = load(path);
            }
        }
        JsonNode node;
        try {
            node = target.root().at(JsonPointer.compile(fragment));
        } catch (IllegalArgumentException e) {
            throw from.error(pointer, "$ref \"" + ref + "\" has a fragment that is not a JSON pointer");
        }
        if (node.isMissingNode()) {
            throw from.error(pointer, "$ref \"" + ref + "\" not found");
        }
        return new Resolved(target, fragment, node);
    }

    /** Follows {@code $ref}s from a node until a node without one. */
    public Resolved deref(Resolved start) {
        Resolved at = start;
        for (int hops = 0; at.node().has("$ref"); hops++) {
            if (hops > 32) {
                throw at.file().error(at.pointer(), "$ref chain does not end");
            }
            at = resolve(at.file(), at.pointer() + "/$ref", at.node().get("$ref").asText());
        }
        return at;
    }

    /** Checks that every {@code $ref} in every file resolves. */
    public void checkReferences() {
        for (SchemaFile file : files()) {
            walk(file.root(), "", (pointer, node) -> {
                JsonNode ref = node.get("$ref");
                if (ref != null) {
                    if (!ref.isTextual()) {
                        throw file.error(pointer + "/$ref", "$ref must be a string");
                    }
                    resolve(file, pointer, ref.asText());
                }
            });
        }
    }

    /** Visits every object node of a document with its JSON pointer, depth first, in document order. */
    public static void walk(JsonNode node, String pointer, BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(pointer, node);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                walk(field.getValue(), pointer + "/" + escape(field.getKey()), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    /** Escapes one JSON pointer segment (RFC 6901). */
    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private SchemaFile load(Path path) {
        String name = nameOf(path);
        JsonNode root;
        try {
            root = JSON.readTree(path.toFile());
        } catch (JsonProcessingException e) {
            throw new SchemaException(name, "", "not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        if (root == null || !root.isObject()) {
            throw new SchemaException(name, "", "a schema must be a JSON object");
        }
        SchemaFile file = new SchemaFile(name, path, placement.apply(root));
        files.put(name, file);
        return file;
    }

    private String nameOf(Path path) {
        List<String> parts = new ArrayList<>();
        directory.relativize(path).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    /** A node found by resolution, with the file and pointer it lives at. */
    public record Resolved(SchemaFile file, String pointer, JsonNode node) {}
}
