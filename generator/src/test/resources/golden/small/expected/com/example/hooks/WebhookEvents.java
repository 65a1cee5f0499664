package com.example.hooks;

import dev.hookgen.runtime.DriftPolicy;
import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.ParseLimits;
import dev.hookgen.runtime.WebhookParseException;
import java.io.InputStream;
import javax.annotation.processing.Generated;

/**
 * Parses CometChat webhook bodies into events, and writes events back as JSON.
 * <pre>{@code
 * WebhookEvent event = WebhookEvents.parse(body);
 * String json = WebhookEvents.toJson(event);
 * }</pre>
 * The static methods use one shared {@link WebhookParser} with {@link ParseLimits#defaults()}; see {@link EventReader} for
 * the parsing contract, and {@link #parser(ParseLimits)} for other limits.
 */
@Generated("hookgen")
public final class WebhookEvents {
    private static final WebhookParser DEFAULT = new WebhookParser(ParseLimits.defaults(), DriftPolicy.TOLERATE);

    private WebhookEvents() {
    }

    /**
     * Parses a body with the default limits.
     *
     * @throws WebhookParseException if the body is not an event
     */
    public static WebhookEvent parse(byte[] body) {
        return DEFAULT.parse(body);
    }

    /**
     * Parses a body with the default limits.
     *
     * @throws WebhookParseException if the body is not an event
     */
    public static WebhookEvent parse(String body) {
        return DEFAULT.parse(body);
    }

    /**
     * Parses a body with the default limits.
     *
     * @throws WebhookParseException if the body is not an event
     */
    public static WebhookEvent parse(InputStream body) {
        return DEFAULT.parse(body);
    }

    /**
     * Writes an event back as JSON: for a parsed event, the same JSON value it was parsed from.
     */
    public static String toJson(WebhookEvent event) {
        return DEFAULT.toJson(event);
    }

    /**
     * The shared parser with the default limits.
     */
    public static WebhookParser parser() {
        return DEFAULT;
    }

    /**
     * A new parser with other limits. Build it once and share it: it is thread-safe.
     */
    public static WebhookParser parser(ParseLimits limits) {
        return DEFAULT.withLimits(limits);
    }
}
