package dev.hookgen.spring.boot;

import dev.hookgen.runtime.Event;
import dev.hookgen.runtime.receiver.EventHandler;
import dev.hookgen.runtime.receiver.WebhookReceiver;

/** What the endpoint and the handler report; {@link MicrometerDeliveryMetrics} when Micrometer is present, else nothing. */
interface DeliveryMetrics {

    DeliveryMetrics NONE = new DeliveryMetrics() {
    };

    /** One request answered. */
    default void delivered(WebhookReceiver.Response response) {
    }

    /** The handler, timed. */
    default <E extends Event> EventHandler<E> timed(EventHandler<E> handler) {
        return handler;
    }
}
