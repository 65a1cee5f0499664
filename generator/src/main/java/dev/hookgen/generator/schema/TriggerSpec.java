package dev.hookgen.generator.schema;

import java.util.List;

/**
 * What the generator knows of one trigger: a plain value, read from {@code triggers/<name>.json}.
 *
 * @param wireName the trigger as CometChat sends it ({@code message_sent})
 * @param eventClass fully qualified name of the event class
 * @param description the schema's description (the events page's sentence)
 * @param schemaFile the schema's name relative to the schema directory
 * @param idempotencyKey the parts whose values identify one occurrence, in order
 * @param keyReason why those parts identify one occurrence ({@code x-hookgen-idempotency-key-reason}); empty if
 *        the schema does not say
 * @param keyExclusions the fields the key leaves out on purpose, and why ({@code x-hookgen-idempotency-key-excludes})
 * @param sessionType whether the envelope carries the top-level {@code type} ({@code call} or {@code meet})
 * @param alsoRequired the fields this trigger requires beyond what its shared shapes require: the
 *     {@code required} arrays of the schema's root {@code allOf}, as paths from the root
 */
public record TriggerSpec(
        String wireName,
        String eventClass,
        String description,
        String schemaFile,
        List<KeyPart> idempotencyKey,
        String keyReason,
        List<KeyExclusion> keyExclusions,
        boolean sessionType,
        List<FieldPath> alsoRequired) {

    public TriggerSpec {
        idempotencyKey = List.copyOf(idempotencyKey);
        keyExclusions = List.copyOf(keyExclusions);
        alsoRequired = List.copyOf(alsoRequired);
    }

    /**
     * A field reached from the event's root through properties.
     *
     * @param pointer the JSON pointer ({@code /data/by})
     * @param properties the property names along the way ({@code data, by})
     */
    public record FieldPath(String pointer, List<String> properties) {
        public FieldPath {
            properties = List.copyOf(properties);
        }
    }

    /**
     * A field, or a family of fields, that the idempotency key leaves out on purpose.
     *
     * @param pattern a JSON pointer into the payload in which a {@code *} step matches any one key or index
     *        ({@code /data/message/data/mentions/*}); it covers the fields at and below it
     * @param reason why a change there alone does not make another occurrence
     */
    public record KeyExclusion(String pattern, String reason) {}
}
