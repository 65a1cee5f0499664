package dev.hookgen.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;

/**
 * One parsed schema document.
 *
 * @param name path relative to the schema directory, with forward slashes ({@code definitions/user.json})
 * @param path the file on disk
 * @param root the parsed document
 */
public record SchemaFile(String name, Path path, JsonNode root) {

    public URI uri() {
        return path.toUri();
    }

    public SchemaException error(String pointer, String problem) {
        return new SchemaException(name, pointer, problem);
    }
}
