package dev.hookgen.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.generator.GeneratorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A schema directory with any number of triggers: our {@code definitions/} and 37 trigger schemas, plus clones
 * of those triggers under new wire names ({@code message_sent_0037}, {@code call_ended_0038}, ...), each with its
 * own event class ({@code dev.hookgen.cometchat.MessageSent0037Event}) as {@code CatalogReader} requires.
 */
final class SyntheticCatalog {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SyntheticCatalog() {}

    /** Writes a schema directory of {@code triggers} triggers (at least our 37) into {@code directory}. */
    static GeneratorConfig create(Path directory, int triggers) throws IOException {
        SchemaResources.copySchemas(directory);
        Path folder = directory.resolve("triggers");
        List<Path> originals = SchemaResources.list(folder);
        if (triggers < originals.size()) {
            throw new IllegalArgumentException("a catalog starts from our " + originals.size() + " triggers, not " + triggers);
        }
        for (int i = originals.size(); i < triggers; i++) {
            ObjectNode schema = (ObjectNode) MAPPER.readTree(originals.get(i % originals.size()).toFile());
            String wire = schema.get("x-hookgen-trigger").asText() + String.format("_%04d", i);
            schema.put("title", wire);
            schema.put("x-hookgen-trigger", wire);
            schema.put("javaType", GeneratorConfig.DEFAULT_PACKAGE + "." + pascal(wire) + "Event");
            ((ObjectNode) schema.path("properties").path("trigger")).put("const", wire);
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(wire + ".json").toFile(), schema);
        }
        return new GeneratorConfig(directory, GeneratorConfig.DEFAULT_PACKAGE);
    }

    private static String pascal(String wire) {
        StringBuilder out = new StringBuilder();
        for (String part : wire.split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    /** Deletes a directory tree. */
    static void delete(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
