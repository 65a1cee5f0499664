package com.example.hooks;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.annotation.processing.Generated;

/**
 * Routes parsed events to code: to a {@link WebhookHandler}, or to lambdas registered per event class.
 * <pre>{@code
 * WebhookDispatcher dispatcher = WebhookDispatcher.builder()
 *         .on(MessageSentEvent.class, event -> store(event.getData().getMessage()))
 *         .onUnknown(event -> log(event.getTrigger()))
 *         .build();
 * dispatcher.dispatch(WebhookEvents.parse(body));
 * }</pre>
 * Thread-safe: one dispatcher serves every request.
 */
@Generated("hookgen")
public final class WebhookDispatcher {
    private final Consumer<WebhookEvent> route;

    private WebhookDispatcher(Consumer<WebhookEvent> route) {
        this.route = route;
    }

    /**
     * A dispatcher calling {@code handler}'s method for each event's trigger.
     */
    public static WebhookDispatcher of(WebhookHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return new WebhookDispatcher(event -> event.dispatchTo(handler));
    }

    /**
     * Starts a dispatcher of lambdas, one per event class.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Hands {@code event} to the code registered for its class.
     */
    public void dispatch(WebhookEvent event) {
        route.accept(Objects.requireNonNull(event, "event"));
    }

    /**
     * Collects one action per event class. Not thread-safe; the dispatcher it builds is.
     */
    public static final class Builder {
        private final Map<Class<? extends WebhookEvent>, Consumer<WebhookEvent>> routes = new HashMap<>();

        private Builder() {
        }

        /**
         * Runs {@code action} for every event of class {@code eventType}.
         *
         * @throws IllegalArgumentException if {@code eventType} is not an event class
         * @throws IllegalStateException if {@code eventType} already has an action
         */
        public <E extends WebhookEvent> Builder on(Class<E> eventType, Consumer<? super E> action) {
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(action, "action");
            if (eventType.isInterface()) {
                throw new IllegalArgumentException("register an event class, not the interface " + eventType.getName());
            }
            if (routes.putIfAbsent(eventType, event -> action.accept(eventType.cast(event))) != null) {
                throw new IllegalStateException(eventType.getSimpleName() + " already has an action");
            }
            return this;
        }

        /**
         * Runs {@code action} for every event whose trigger has no schema.
         */
        public Builder onUnknown(Consumer<? super UnknownEvent> action) {
            return on(UnknownEvent.class, action);
        }

        /**
         * A dispatcher running the registered actions; events without one are ignored.
         */
        public WebhookDispatcher build() {
            Map<Class<? extends WebhookEvent>, Consumer<WebhookEvent>> table = Map.copyOf(routes);
            return new WebhookDispatcher(event -> table.getOrDefault(event.getClass(), ignored -> { }).accept(event));
        }
    }
}
