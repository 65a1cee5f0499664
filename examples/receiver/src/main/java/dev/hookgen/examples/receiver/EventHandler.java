package dev.hookgen.examples.receiver;

import dev.hookgen.cometchat.WebhookEvent;

/**
 * Takes one parsed event from {@link WebhookReceiver}. Returning normally means the event is safe
 * (written, queued durably, committed): only then is the delivery answered 200 and its idempotency
 * key recorded. Throwing anything makes the delivery a 500, so that CometChat retries it.
 *
 * <p>Called from several request threads at once: implementations must be thread-safe. To act on
 * each trigger with its own type, delegate to the jar's dispatcher:
 * {@code EventHandler handler = WebhookDispatcher.of(myWebhookHandler)::dispatch;}
 */
@FunctionalInterface
public interface EventHandler {

    void handle(WebhookEvent event) throws Exception;
}
