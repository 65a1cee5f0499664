package dev.hookgen.runtime.receiver;

import dev.hookgen.runtime.Event;
import dev.hookgen.runtime.WebhookParseException;

/**
 * A durable queue of received deliveries that deduplicates in the same step as it stores: the other way for a
 * {@link WebhookReceiver} to take events ({@link WebhookReceiver.Builder#inbox}). The receiver answers 200 as soon as
 * {@link #add} returns, and workers elsewhere take the events out and hand them to the application's handler, so the
 * answer never waits for the handler and a retry of the same event is recognised wherever it arrives.
 *
 * <p>With an inbox the receiver needs no {@link IdempotencyStore}, {@link EventHandler} or {@link DeadLetters}: the
 * inbox's write is the deduplication (a unique idempotency key), the durable hand-off and, for a payload that does not
 * fit the schemas, the dead letter. {@code hookgen-inbox-postgresql} implements it on a PostgreSQL table
 * ({@code INSERT ... ON CONFLICT DO NOTHING}).
 *
 * <p>Implementations are thread-safe. An exception from either method makes the delivery a 500, so that CometChat
 * retries it.
 */
public interface Inbox {

    /** What {@link #add} did. */
    enum Added {
        /** The event is stored, new: it will be handled. */
        NEW,
        /** An event with the same idempotency key was stored before: nothing was written. */
        DUPLICATE
    }

    /**
     * Stores one delivery durably, unless its {@link Event#idempotencyKey()} is already stored, as one atomic step.
     * Returning means it is safe: committed, on disk.
     *
     * @param event the delivery, parsed (its key, trigger and type)
     * @param body the bytes exactly as received: what is stored and later parsed again
     * @throws Exception when it could not be stored; the delivery is then answered 500
     */
    Added add(Event event, byte[] body) throws Exception;

    /**
     * Stores a payload that was valid JSON but did not fit the typed contract (schema drift) as dead, with the reason,
     * so that it can be replayed once the schemas have caught up. Storing the same bytes twice keeps one.
     *
     * @param body the bytes exactly as received
     * @param trigger the payload's {@code trigger} if it had a string one; else null
     * @param drift why it did not fit: {@link WebhookParseException#location()} and {@link WebhookParseException#problem()}
     * @throws Exception when it could not be stored; the delivery is then answered 500
     */
    void addDead(byte[] body, String trigger, WebhookParseException drift) throws Exception;
}
