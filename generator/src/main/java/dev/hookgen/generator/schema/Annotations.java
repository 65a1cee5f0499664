package dev.hookgen.generator.schema;

/** The schema keywords the generator reads besides JSON Schema and jsonschema2pojo's own. */
public final class Annotations {

    /** On a trigger schema: the trigger's wire name. */
    public static final String TRIGGER = "x-hookgen-trigger";

    /** On a trigger schema: JSON pointers of the fields that identify one delivery. */
    public static final String IDEMPOTENCY_KEY = "x-hookgen-idempotency-key";

    /** On a union schema: {@code {"propertyName": "..."}}, the property that tells the variants apart. */
    public static final String DISCRIMINATOR = "x-hookgen-discriminator";

    /** jsonschema2pojo's keyword naming the class a schema becomes. */
    public static final String JAVA_TYPE = "javaType";

    /** jsonschema2pojo's keyword naming an existing type a schema maps to. */
    public static final String EXISTING_JAVA_TYPE = "existingJavaType";

    private Annotations() {}
}
