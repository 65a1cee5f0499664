package com.example.hooks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * An event whose trigger has no schema: the whole payload, kept as it arrived.
 *
 * <p>CometChat keeps adding triggers; a receiver built on this library takes them as
 * {@code UnknownEvent}s instead of failing, and {@link WebhookEvents#toJson} writes them back unchanged.
 */
@Generated("hookgen")
public final class UnknownEvent implements WebhookEvent {
    private final ObjectNode json;

    /**
     * @param json the whole payload
     */
    @JsonCreator(
            mode = JsonCreator.Mode.DELEGATING
    )
    public UnknownEvent(ObjectNode json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * The whole payload, as a copy that the caller may change.
     */
    public ObjectNode json() {
        return json.deepCopy();
    }

    @JsonValue
    private ObjectNode payload() {
        return json;
    }

    @Override
    public String getTrigger() {
        return json.path("trigger").textValue();
    }

    @Override
    public String getAppId() {
        return json.path("appId").textValue();
    }

    @Override
    public String getRegion() {
        return json.path("region").textValue();
    }

    @Override
    public String getWebhook() {
        return json.path("webhook").textValue();
    }

    /**
     * No schema names this trigger's identifying fields, so the key is the webhook, the trigger
     * and a SHA-256 digest of the payload: a repeated delivery of the same bytes has the same key.
     */
    @Override
    public String idempotencyKey() {
        return IdempotencyKey.of(getWebhook(), getTrigger(), IdempotencyKey.digest(json));
    }

    @Override
    public void dispatchTo(WebhookHandler handler) {
        handler.onUnknown(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnknownEvent that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "UnknownEvent[trigger=" + getTrigger() + ", fields=" + json.size() + "]";
    }
}
