package dev.hookgen.generator.models;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookgen.generator.schema.SchemaFile;
import dev.hookgen.generator.schema.SchemaSet;
import java.net.URI;
import java.util.Optional;
import org.jsonschema2pojo.ContentResolver;

/**
 * Gives jsonschema2pojo the documents of the schema set instead of reading the files again: the same
 * strictly parsed documents the catalog was checked on, with their classes placed in the configured
 * packages ({@link SchemaSet#placedIn}). Anything outside the set is read as jsonschema2pojo would.
 */
final class CatalogContentResolver extends ContentResolver {

    private final SchemaSet schemas;

    CatalogContentResolver(SchemaSet schemas) {
        this.schemas = schemas;
    }

    @Override
    public JsonNode resolve(URI uri) {
        Optional<SchemaFile> file = schemas.file(uri);
        return file.isPresent() ? file.get().root().deepCopy() : super.resolve(uri);
    }
}
