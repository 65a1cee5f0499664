package dev.hookgen.spring.boot;

import dev.hookgen.cometchat.WebhookDispatcher;
import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.cometchat.WebhookHandler;
import dev.hookgen.inbox.postgresql.InboxSettings;
import dev.hookgen.inbox.postgresql.InboxWorkers;
import dev.hookgen.inbox.postgresql.PostgresInbox;
import dev.hookgen.runtime.Event;
import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.receiver.Credentials;
import dev.hookgen.runtime.receiver.DeadLetters;
import dev.hookgen.runtime.receiver.EventHandler;
import dev.hookgen.runtime.receiver.IdempotencyStore;
import dev.hookgen.runtime.receiver.InMemoryIdempotencyStore;
import dev.hookgen.runtime.receiver.KnownTriggers;
import dev.hookgen.runtime.receiver.WebhookReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Receives CometChat webhooks in a servlet web application: the {@link WebhookController} on
 * {@code hookgen.receiver.path}, over the receiver core ({@link WebhookReceiver}) built from {@code hookgen.receiver.*}
 * and the application's {@link WebhookCatalog} (by default: {@code cometchat-webhooks} and the application's
 * {@code WebhookHandler} / {@code WebhookDispatcher} beans). In {@code hookgen.receiver.mode=inbox}, the PostgreSQL
 * inbox on the application's {@link DataSource}, its workers, and the Actuator endpoint {@code hookgen} for replay.
 * Micrometer meters when a {@link MeterRegistry} is present ({@link MicrometerDeliveryMetrics}).
 *
 * <p>Each bean backs off when the application declares its own: {@link WebhookCatalog}, {@link WebhookReceiver},
 * {@link IdempotencyStore} (direct mode), {@link PostgresInbox} (inbox mode, to use another DataSource).
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "hookgen.receiver", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({HookgenReceiverProperties.class, HookgenInboxProperties.class})
public class HookgenAutoConfiguration {

    /** How long closing the context waits for the inbox's workers to finish the events in their hands. */
    static final Duration WORKERS_STOP_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    @ConditionalOnMissingBean
    WebhookController webhookController(WebhookReceiver<?> receiver, ObjectProvider<DeliveryMetrics> metrics) {
        return new WebhookController(receiver, metrics.getIfAvailable(() -> DeliveryMetrics.NONE));
    }

    @Bean
    @ConditionalOnMissingBean(WebhookReceiver.class)
    WebhookReceiver<?> webhookReceiver(WebhookCatalog<?> catalog, HookgenReceiverProperties properties,
            ObjectProvider<DeliveryMetrics> metrics, ObjectProvider<PostgresInbox> inbox, ObjectProvider<IdempotencyStore> store) {
        return receiver(catalog, properties, metrics.getIfAvailable(() -> DeliveryMetrics.NONE), inbox, store);
    }

    private static <E extends Event> WebhookReceiver<E> receiver(WebhookCatalog<E> catalog, HookgenReceiverProperties properties,
            DeliveryMetrics metrics, ObjectProvider<PostgresInbox> inbox, ObjectProvider<IdempotencyStore> store) {
        long maxBodyBytes = properties.getMaxBodyBytes().toBytes();
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("hookgen.receiver.max-body-bytes must be between 1 byte and 2 GB, not " + properties.getMaxBodyBytes());
        }
        WebhookReceiver.Builder<E> builder = WebhookReceiver.builder(catalog.reader())
                .credentials(credentials(properties.getCredentials()))
                .maxBodyBytes((int) maxBodyBytes);
        if (properties.getMode() == HookgenReceiverProperties.Mode.INBOX) {
            return builder.inbox(inbox.getObject()).build();
        }
        EventHandler<E> handler = catalog.handler()::handle;
        try {
            return builder.handler(metrics.timed(handler))
                    .idempotencyStore(store.getIfAvailable(() -> new InMemoryIdempotencyStore(properties.getDedupCapacity())))
                    .deadLetters(new DeadLetters(properties.getDeadLetters()))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("hookgen.receiver.dead-letters: cannot create the folder " + properties.getDeadLetters(), e);
        }
    }

    /** The accepted pairs, each error naming its property. */
    static List<Credentials> credentials(List<HookgenReceiverProperties.Credential> configured) {
        if (configured.isEmpty()) {
            throw new IllegalStateException("hookgen.receiver.credentials: set at least one pair, the user name and password "
                    + "of the CometChat webhook's Basic Auth (hookgen.receiver.credentials[0].username and .password)");
        }
        List<Credentials> accepted = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            HookgenReceiverProperties.Credential pair = configured.get(i);
            String name = "hookgen.receiver.credentials[" + i + "]";
            if (pair.getUsername() == null || pair.getPassword() == null) {
                throw new IllegalStateException(name + ": set both .username and .password");
            }
            try {
                accepted.add(new Credentials(pair.getUsername(), pair.getPassword()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(name + ": " + e.getMessage()); // the message is the whole story
            }
        }
        return accepted;
    }

    /** The cometchat-webhooks catalog, handed to every WebhookDispatcher and WebhookHandler bean of the application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.hookgen.cometchat.WebhookDispatcher")
    static class CometChatCatalogConfiguration {

        /**
         * Each event goes to every {@code WebhookDispatcher} bean, then every {@code WebhookHandler} bean, each in
         * {@code @Order}; the first that throws makes the event fail (direct mode: 500 and CometChat's retry; inbox
         * mode: another attempt), and the retry runs them all again: handlers are idempotent or tolerate repeats.
         */
        @Bean
        @ConditionalOnMissingBean(WebhookCatalog.class)
        WebhookCatalog<WebhookEvent> cometChatWebhookCatalog(ObjectProvider<WebhookDispatcher> dispatchers,
                ObjectProvider<WebhookHandler> handlers) {
            List<WebhookDispatcher> all = new ArrayList<>(dispatchers.orderedStream().toList());
            handlers.orderedStream().map(WebhookDispatcher::of).forEach(all::add);
            if (all.isEmpty()) {
                throw new IllegalStateException("hookgen: no bean to hand CometChat webhooks to: declare a "
                        + "dev.hookgen.cometchat.WebhookHandler or WebhookDispatcher bean (or, for a catalog of your own, "
                        + "a dev.hookgen.spring.boot.WebhookCatalog bean)");
            }
            List<WebhookDispatcher> routes = List.copyOf(all);
            EventHandler<WebhookEvent> handler = routes.size() == 1 ? routes.get(0)::dispatch : event -> {
                for (WebhookDispatcher route : routes) {
                    route.dispatch(event);
                }
            };
            return WebhookCatalog.of(WebhookEvents.parser(), handler);
        }
    }

    /** {@code hookgen.receiver.mode=inbox}: the inbox on the application's DataSource, its workers, the replay endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "hookgen.receiver", name = "mode", havingValue = "inbox")
    static class InboxConfiguration {

        @Bean
        @ConditionalOnMissingBean
        PostgresInbox hookgenInbox(ObjectProvider<DataSource> dataSource, HookgenInboxProperties properties) throws SQLException {
            DataSource source = dataSource.getIfUnique();
            if (source == null) {
                throw new IllegalStateException("hookgen.receiver.mode=inbox needs one DataSource bean on PostgreSQL "
                        + "(spring-boot-starter-jdbc, org.postgresql:postgresql and spring.datasource.url), or a PostgresInbox bean");
            }
            PostgresInbox inbox = new PostgresInbox(source);
            if (properties.isInitializeSchema()) {
                inbox.createSchema();
            }
            return inbox;
        }

        @Bean
        InboxWorkersLifecycle hookgenInboxWorkers(PostgresInbox inbox, WebhookCatalog<?> catalog, WebhookReceiver<?> receiver,
                HookgenInboxProperties properties, ObjectProvider<DeliveryMetrics> metrics) {
            return new InboxWorkersLifecycle(workers(inbox, catalog, receiver, properties.toSettings(),
                    metrics.getIfAvailable(() -> DeliveryMetrics.NONE)), WORKERS_STOP_TIMEOUT, SmartLifecycle.DEFAULT_PHASE - 4096);
        }

        /** The workers read stored bodies with the receiver's reader: its limits are those the bodies were accepted under. */
        @SuppressWarnings("unchecked") // the receiver is built from the catalog, so its events are the catalog's
        private static <E extends Event> InboxWorkers<E> workers(PostgresInbox inbox, WebhookCatalog<E> catalog, WebhookReceiver<?> receiver,
                InboxSettings settings, DeliveryMetrics metrics) {
            EventHandler<E> handler = catalog.handler()::handle;
            return inbox.workers((EventReader<E>) receiver.reader(), metrics.timed(handler), settings);
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(Endpoint.class)
        static class ReplayEndpointConfiguration {

            @Bean
            @ConditionalOnMissingBean
            @ConditionalOnAvailableEndpoint
            HookgenInboxEndpoint hookgenInboxEndpoint(PostgresInbox inbox, WebhookReceiver<?> receiver) {
                return new HookgenInboxEndpoint(inbox, receiver.reader());
            }
        }
    }

    /** Micrometer's meters, when the application has a registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnBean(MeterRegistry.class)
        MicrometerDeliveryMetrics hookgenDeliveryMetrics(MeterRegistry registry, ObjectProvider<PostgresInbox> inbox,
                ObjectProvider<WebhookCatalog<?>> catalog) {
            // the catalog's triggers bound the trigger tag; without a catalog bean (a receiver built by the application), every
            // trigger is tagged "other"
            WebhookCatalog<?> known = catalog.getIfUnique();
            KnownTriggers triggers = known != null ? KnownTriggers.of(known.reader()) : KnownTriggers.of(List.of());
            MicrometerDeliveryMetrics metrics = new MicrometerDeliveryMetrics(registry, triggers);
            inbox.ifAvailable(metrics::bind);
            return metrics;
        }
    }
}
