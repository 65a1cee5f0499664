package dev.hookgen.generator.schema;

import java.util.List;

/**
 * What the generator knows of one trigger: a plain value, read from {@code triggers/<name>.json}.
 *
 * @param wireName the trigger as CometChat sends it ({@code message_sent})
 * @param eventClass fully qualified name of the event class
 * @param description the schema's description (the events page's sentence)
 * @param schemaFile the schema's name relative to the schema directory
 * @param idempotencyKey the fields whose values identify one delivery, in order
 * @param sessionType whether the envelope carries the top-level {@code type} ({@code call} or {@code meet})
 * @param alsoRequired the fields this trigger requires beyond what its shared shapes require: the
 *     {@code required} arrays of the schema's root {@code allOf}, as paths from the root
 */
public record TriggerSpec(
        String wireName,
        String eventClass,
        String description,
        String schemaFile,
        List<KeyPath> idempotencyKey,
        boolean sessionType,
        List<KeyPath> alsoRequired) {

    public TriggerSpec {
        idempotencyKey = List.copyOf(idempotencyKey);
        alsoRequired = List.copyOf(alsoRequired);
    }

    /**
     * One field reached from the event's root: a part of the idempotency key, or a required field.
     *
     * @param pointer the JSON pointer as written in the schema ({@code /data/message/id})
     * @param properties the property names along the way ({@code data, message, id})
     */
    public record KeyPath(String pointer, List<String> properties) {
        public KeyPath {
            properties = List.copyOf(properties);
        }
    }
}
