package dev.hookgen.generator.schema;

import java.util.List;

/**
 * A shape whose kind varies, such as the {@code {entity, entityType}} pair: a {@code oneOf} of
 * variants told apart by one string property.
 *
 * @param interfaceType fully qualified name of the sealed interface the variants implement
 * @param description the schema's description
 * @param schemaFile the schema's name relative to the schema directory
 * @param discriminator the JSON property that tells the variants apart ({@code entityType})
 * @param variants the declared variants, sorted by discriminator value
 * @param fallbackType the variant that takes any value nobody declared
 */
public record UnionSpec(
        String interfaceType,
        String description,
        String schemaFile,
        String discriminator,
        List<Variant> variants,
        String fallbackType) {

    public UnionSpec {
        variants = List.copyOf(variants);
    }

    /** One declared variant: the discriminator value and the class it binds to. */
    public record Variant(String value, String javaType) {}
}
