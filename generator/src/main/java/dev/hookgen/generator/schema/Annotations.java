package dev.hookgen.generator.schema;

/** The schema keywords the generator reads besides JSON Schema and jsonschema2pojo's own. */
public final class Annotations {

    /** On a trigger schema: the trigger's wire name. */
    public static final String TRIGGER = "x-hookgen-trigger";

    /**
     * On a trigger schema: the parts that identify one occurrence, each a JSON pointer, {@code keys(<pointer>)}
     * or {@code digest(<pointer>)} ({@link KeyPart}).
     */
    public static final String IDEMPOTENCY_KEY = "x-hookgen-idempotency-key";

    /** On a trigger schema: why the key's parts identify one occurrence (shown in the events catalog). */
    public static final String IDEMPOTENCY_KEY_REASON = "x-hookgen-idempotency-key-reason";

    /** On a trigger schema: the fields the key leaves out on purpose, each pattern with its reason. */
    public static final String IDEMPOTENCY_KEY_EXCLUDES = "x-hookgen-idempotency-key-excludes";

    /** On a union schema: {@code {"propertyName": "..."}}, the property that tells the variants apart. */
    public static final String DISCRIMINATOR = "x-hookgen-discriminator";

    /** jsonschema2pojo's keyword naming the class a schema becomes. */
    public static final String JAVA_TYPE = "javaType";

    /** jsonschema2pojo's keyword naming an existing type a schema maps to. */
    public static final String EXISTING_JAVA_TYPE = "existingJavaType";

    private Annotations() {}
}
