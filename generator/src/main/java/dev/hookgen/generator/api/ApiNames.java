package dev.hookgen.generator.api;

import com.palantir.javapoet.ClassName;
import dev.hookgen.generator.schema.TriggerSpec;

/** The names of the event API's types in one package. */
public record ApiNames(String apiPackage) {

    /** Models without a javaType of their own land here. */
    public String modelPackage() {
        return apiPackage + ".model";
    }

    public ClassName webhookEvent() {
        return type("WebhookEvent");
    }

    public ClassName unknownEvent() {
        return type("UnknownEvent");
    }

    public ClassName trigger() {
        return type("Trigger");
    }

    public ClassName webhookHandler() {
        return type("WebhookHandler");
    }

    public ClassName webhookDispatcher() {
        return type("WebhookDispatcher");
    }

    public ClassName webhookEvents() {
        return type("WebhookEvents");
    }

    public ClassName webhookParser() {
        return type("WebhookParser");
    }

    public ClassName event(TriggerSpec trigger) {
        return ClassName.bestGuess(trigger.eventClass());
    }

    private ClassName type(String simpleName) {
        return ClassName.get(apiPackage, simpleName);
    }
}
