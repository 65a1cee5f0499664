package dev.hookgen.runtime;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * An event whose trigger has no schema: the whole payload, kept as it arrived, and written back unchanged.
 * A generated catalog's {@code UnknownEvent} extends it, adding only its place in the catalog's sealed
 * hierarchy and its dispatch. CometChat keeps adding triggers; a receiver takes them as such events instead
 * of failing.
 */
public abstract class UntypedEvent implements Event {

    private final ObjectNode json;

    /** @param json the whole payload; kept, not copied */
    protected UntypedEvent(ObjectNode json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The whole payload, as a copy that the caller may change. */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** What Jackson writes for this event: the payload itself. */
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
     * No schema names this trigger's identifying fields, so the key is the webhook, the trigger and the
     * {@link IdempotencyKey#digest} of the whole payload: a repeated delivery of the same JSON, in any key
     * order or white space, has the same key, and any other payload another.
     */
    @Override
    public String idempotencyKey() {
        return IdempotencyKey.forEvent(this, getAppId(), getWebhook(), getTrigger(), IdempotencyKey.digest(json));
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && json.equals(((UntypedEvent) other).json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[trigger=" + getTrigger() + ", fields=" + json.size() + "]";
    }
}
