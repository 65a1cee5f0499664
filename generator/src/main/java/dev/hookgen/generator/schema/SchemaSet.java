package dev.hookgen.generator.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
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
    private final Map<String, SchemaFile> files = new TreeMap<>();

    private SchemaSet(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** Reads {@code definitions/*.json} and {@code triggers/*.json} below {@code directory}. */
    public static SchemaSet read(Path directory) {
        SchemaSet set = new SchemaSet(directory);
        if (!Files.isDirectory(set.directory.resolve("triggers"))) {
            throw new SchemaException(directory.toString(), "", "no triggers/ folder in the schema directory");
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
        SchemaFile file = new SchemaFile(name, path, root);
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
