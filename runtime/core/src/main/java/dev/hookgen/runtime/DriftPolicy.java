package dev.hookgen.runtime;

/**
 * What an {@link EventReader} does with a field that arrives with another type than its schema gives.
 *
 * <p>Whatever the policy, a field the schema <em>requires</em> that is missing, null or of another type makes
 * the body a {@link WebhookParseException} of kind {@link WebhookParseException.Kind#SCHEMA_DRIFT}: without it
 * the event is not the event its trigger says.
 */
public enum DriftPolicy {

    /**
     * The default: a field the schema does not require is tolerated when its value has another type. The event
     * is still typed and handled, the field's accessor returns null, the value is kept and written back, and
     * {@link Event#schemaDrift()} names the field. CometChat adds and reshapes optional fields over time; this
     * keeps the event.
     */
    TOLERATE,

    /** Any field of another type makes the body a {@link WebhookParseException} of kind {@code SCHEMA_DRIFT}. */
    REJECT
}
