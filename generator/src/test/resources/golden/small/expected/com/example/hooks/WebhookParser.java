package com.example.hooks;

import dev.hookgen.runtime.DriftPolicy;
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
    WebhookParser(ParseLimits limits, DriftPolicy driftPolicy) {
        super(WebhookEvent.class, UnknownEvent::new, limits, driftPolicy);
    }

    @Override
    public WebhookParser withLimits(ParseLimits limits) {
        return new WebhookParser(limits, driftPolicy());
    }

    @Override
    public WebhookParser withDriftPolicy(DriftPolicy driftPolicy) {
        return new WebhookParser(limits(), driftPolicy);
    }
}
