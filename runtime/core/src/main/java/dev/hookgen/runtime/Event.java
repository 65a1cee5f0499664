package dev.hookgen.runtime;

import java.util.List;

/**
 * A CometChat webhook delivery, parsed: the envelope every trigger has, and the key that tells one
 * occurrence from another. A generated catalog's sealed {@code WebhookEvent} extends it, so that code
 * outside the generated package (a framework integration, a store, a receiver) needs nothing generated.
 */
public interface Event {

    /** The trigger's wire name, as delivered ({@code message_sent}). */
    String getTrigger();

    /** The id of the CometChat app the event belongs to. */
    String getAppId();

    /** The region of the app ({@code us}, {@code eu}, {@code in}, ...). */
    String getRegion();

    /** The id of the webhook that delivered the event. */
    String getWebhook();

    /**
     * The values that identify this occurrence, joined into one string by {@link IdempotencyKey}. CometChat
     * can deliver an event more than once; two deliveries of the same event have the same key. A trigger's
     * schema names its fields ({@code x-hookgen-idempotency-key}); an event without a schema is keyed by a
     * digest of its payload.
     */
    String idempotencyKey();

    /**
     * The fields that arrived with another type than their schema gives and were tolerated (see
     * {@link DriftPolicy#TOLERATE}), in the order of the body; empty when everything fit, and for an event
     * without a schema.
     */
    default List<SchemaDrift> schemaDrift() {
        return List.of();
    }
}
