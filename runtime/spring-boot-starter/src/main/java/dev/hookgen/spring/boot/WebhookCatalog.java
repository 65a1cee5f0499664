package dev.hookgen.spring.boot;

import dev.hookgen.runtime.Event;
import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.receiver.EventHandler;
import java.util.Objects;

/**
 * What the endpoint receives and where the events go: a catalog's reader and the handler of its events. With
 * {@code cometchat-webhooks} on the class path the starter builds it from the application's {@code WebhookHandler}
 * and {@code WebhookDispatcher} beans. For a catalog generated under another package, declare this one bean:
 * <pre>{@code
 * @Bean
 * WebhookCatalog<WebhookEvent> webhookCatalog(MyHandler handler) {      // com.example.webhooks.*
 *     return WebhookCatalog.of(WebhookEvents.parser(), WebhookDispatcher.of(handler)::dispatch);
 * }
 * }</pre>
 *
 * @param reader parses request bodies (and, in inbox mode, stored rows) into the catalog's events
 * @param handler takes each new event; thread-safe; throwing means "not handled" (500 in direct mode, a retry in inbox mode)
 * @param <E> the catalog's event type
 */
public record WebhookCatalog<E extends Event>(EventReader<E> reader, EventHandler<? super E> handler) {

    public WebhookCatalog {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(handler, "handler");
    }

    public static <E extends Event> WebhookCatalog<E> of(EventReader<E> reader, EventHandler<? super E> handler) {
        return new WebhookCatalog<>(reader, handler);
    }
}
