package dev.hookgen.runtime.receiver;

import dev.hookgen.runtime.Event;

/**
 * Takes one parsed event from {@link WebhookReceiver}. Returning normally means the event is safe
 * (written, queued durably, committed): only then is the delivery answered 200 and its idempotency
 * key recorded. Throwing anything makes the delivery a 500, so that CometChat retries it.
 *
 * <p>Called from several request threads at once: implementations must be thread-safe. To act on
 * each trigger with its own type, delegate to the generated catalog's dispatcher:
 * {@code EventHandler<WebhookEvent> handler = WebhookDispatcher.of(myWebhookHandler)::dispatch;}
 *
 * @param <E> the catalog's event type
 */
@FunctionalInterface
public interface EventHandler<E extends Event> {

    /** @throws Exception anything: the delivery is then answered 500 and retried */
    void handle(E event) throws Exception;
}
