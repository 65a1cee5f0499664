package dev.hookgen.generator;

import dev.hookgen.generator.schema.TriggerSelection;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything one generator run needs: where the schemas are, which packages the classes go to and
 * which triggers to generate. The CLI and the Maven plugin only translate their options into this record.
 *
 * <p>Where a class goes is configuration, not schema: event classes go to {@code apiPackage}, every
 * other generated class to {@code modelPackage}. A schema's {@code javaType} fixes the class's simple
 * name; its package part is replaced (so CometChat's published schemas, which say
 * {@code dev.hookgen.cometchat.model.User}, generate {@code com.example.webhooks.model.User}).
 *
 * @param schemaDirectory folder holding {@code definitions/} and {@code triggers/}
 * @param apiPackage package of the event API ({@code WebhookEvent}, {@code Trigger}, the event classes, ...)
 * @param modelPackage package of every other generated class (the shapes of the payloads)
 * @param triggers which triggers to generate; only the definitions they reach are generated
 */
public record GeneratorConfig(Path schemaDirectory, String apiPackage, String modelPackage, TriggerSelection triggers) {

    public static final String DEFAULT_PACKAGE = "dev.hookgen.cometchat";

    private static final Pattern PACKAGE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");

    public GeneratorConfig {
        Objects.requireNonNull(schemaDirectory, "schemaDirectory");
        Objects.requireNonNull(apiPackage, "apiPackage");
        Objects.requireNonNull(modelPackage, "modelPackage");
        Objects.requireNonNull(triggers, "triggers");
        for (String name : new String[] {apiPackage, modelPackage}) {
            if (!PACKAGE.matcher(name).matches()) {
                throw new IllegalArgumentException("not a Java package name: " + name);
            }
        }
    }

    /** Every trigger, models in {@code <apiPackage>.model}. */
    public GeneratorConfig(Path schemaDirectory, String apiPackage) {
        this(schemaDirectory, apiPackage, defaultModelPackage(apiPackage), TriggerSelection.ALL);
    }

    /** {@code <apiPackage>.model}: where models go unless configured otherwise. */
    public static String defaultModelPackage(String apiPackage) {
        return apiPackage + ".model";
    }
}
