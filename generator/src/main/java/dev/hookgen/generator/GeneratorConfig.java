package dev.hookgen.generator;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything one generator run needs: where the schemas are and which package the event API goes to.
 * The CLI and the Maven plugin only translate their options into this record.
 *
 * @param schemaDirectory folder holding {@code definitions/} and {@code triggers/}
 * @param apiPackage package of the event API ({@code WebhookEvent}, {@code Trigger}, the event classes, ...)
 */
public record GeneratorConfig(Path schemaDirectory, String apiPackage) {

    public static final String DEFAULT_PACKAGE = "dev.hookgen.cometchat";

    public GeneratorConfig {
        Objects.requireNonNull(schemaDirectory, "schemaDirectory");
        Objects.requireNonNull(apiPackage, "apiPackage");
        if (!apiPackage.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) {
            throw new IllegalArgumentException("not a Java package name: " + apiPackage);
        }
    }
}
