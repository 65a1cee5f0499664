package com.example.hooks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.runtime.UntypedEvent;
import javax.annotation.processing.Generated;

/**
 * An event whose trigger has no schema: the whole payload, kept as it arrived.
 *
 * <p>CometChat keeps adding triggers; a receiver built on this library takes them as
 * {@code UnknownEvent}s instead of failing, and {@link WebhookEvents#toJson} writes them back unchanged.
 */
@Generated("hookgen")
public final class UnknownEvent extends UntypedEvent implements WebhookEvent {
    /**
     * @param json the whole payload
     */
    @JsonCreator(
            mode = JsonCreator.Mode.DELEGATING
    )
    public UnknownEvent(ObjectNode json) {
        super(json);
    }

    @Override
    public void dispatchTo(WebhookHandler handler) {
        handler.onUnknown(this);
    }
}
