package com.example.hooks;

import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.ParseLimits;
import javax.annotation.processing.Generated;

/**
 * Parses bodies into {@link WebhookEvent}s and writes them back as JSON: the runtime's {@link EventReader}
 * bound to this catalog, with {@link UnknownEvent} for triggers without a schema. {@link EventReader} states the
 * parsing contract. Thread-safe: get one from {@link WebhookEvents#parser} and share it.
 */
@Generated("hookgen")
public final class WebhookParser extends EventReader<WebhookEvent> {
    WebhookParser(ParseLimits limits) {
        super(WebhookEvent.class, UnknownEvent::new, limits);
    }

    @Override
    public WebhookParser withLimits(ParseLimits limits) {
        return new WebhookParser(limits);
    }
}
