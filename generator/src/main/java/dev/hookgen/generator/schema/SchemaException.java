package dev.hookgen.generator.schema;

/**
 * A schema the generator cannot use. The message names the file, the JSON pointer inside it and
 * the broken rule: {@code schema triggers/message_sent.json: /properties/data: $ref "x.json" not found}.
 * A problem of a folder rather than of a document has no pointer:
 * {@code schema directory /tmp/x: no triggers/ folder}.
 */
public final class SchemaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String pointer;

    /**
     * @param file the schema file relative to the schema directory, or a folder
     * @param pointer the JSON pointer inside the file ({@code ""} for the root), or null for a folder
     * @param problem the broken rule
     */
    public SchemaException(String file, String pointer, String problem) {
        super("schema " + file + ": " + (pointer == null ? "" : (pointer.isEmpty() ? "/" : pointer) + ": ") + problem);
        this.file = file;
        this.pointer = pointer == null ? "" : pointer;
    }

    /** The schema file, relative to the schema directory ({@code triggers/message_sent.json}). */
    public String file() {
        return file;
    }

    /** The JSON pointer inside {@link #file()} where the problem is; empty for the root. */
    public String pointer() {
        return pointer;
    }
}
