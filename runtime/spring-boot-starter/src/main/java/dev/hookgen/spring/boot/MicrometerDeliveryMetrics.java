package dev.hookgen.spring.boot;

import dev.hookgen.inbox.postgresql.InboxCounts;
import dev.hookgen.inbox.postgresql.PostgresInbox;
import dev.hookgen.runtime.Event;
import dev.hookgen.runtime.receiver.EventHandler;
import dev.hookgen.runtime.receiver.KnownTriggers;
import dev.hookgen.runtime.receiver.WebhookReceiver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The starter's meters:
 * <ul>
 * <li>{@code hookgen.webhook.deliveries} (counter), tags {@code trigger} and {@code outcome} (accepted, duplicate,
 *     dead_lettered, unauthorized, too_large, malformed, in_flight, failed): one per request;</li>
 * <li>{@code hookgen.webhook.handling} (timer), tags {@code trigger} and {@code outcome} (success, failure): each call of
 *     the application's handler, on the request thread (direct mode) or a worker (inbox mode);</li>
 * <li>{@code hookgen.inbox.rows} (gauge), tag {@code status} (pending, dead): rows of the inbox, in inbox mode, sampled
 *     at most once a second.</li>
 * </ul>
 * The {@code trigger} tag is bounded by the catalog ({@link KnownTriggers}): a trigger it has a schema for is tagged
 * with its name, any other (an unknown trigger, whatever a request made up) {@code other}, and a request that got no
 * trigger (refused before parsing, or a body without one) {@code none}. A request therefore cannot create meters: there
 * are at most (triggers + 2) x outcomes of each. The other tags are enumerations.
 */
final class MicrometerDeliveryMetrics implements DeliveryMetrics {

    private static final long SAMPLE_NANOS = 1_000_000_000L;

    private final MeterRegistry registry;

    private final KnownTriggers triggers;

    /** @param triggers the catalog's triggers: the values the {@code trigger} tag may take besides other and none */
    MicrometerDeliveryMetrics(MeterRegistry registry, KnownTriggers triggers) {
        this.registry = registry;
        this.triggers = triggers;
    }

    @Override
    public void delivered(WebhookReceiver.Response response) {
        Counter.builder("hookgen.webhook.deliveries")
                .description("CometChat webhook requests, by trigger and outcome")
                .tag("trigger", triggers.label(response.trigger()))
                .tag("outcome", response.outcome().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    @Override
    public <E extends Event> EventHandler<E> timed(EventHandler<E> handler) {
        return event -> {
            long start = System.nanoTime();
            String outcome = "failure";
            try {
                handler.handle(event);
                outcome = "success";
            } finally {
                Timer.builder("hookgen.webhook.handling")
                        .description("Calls of the application's webhook handler")
                        .tag("trigger", triggers.label(event.getTrigger()))
                        .tag("outcome", outcome)
                        .register(registry)
                        .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        };
    }

    /** Registers the gauges of the inbox's pending and dead rows. */
    void bind(PostgresInbox inbox) {
        Sampler sampler = new Sampler(inbox);
        gauge("pending", sampler, Sampler::pending);
        gauge("dead", sampler, Sampler::dead);
    }

    private void gauge(String status, Sampler sampler, ToDoubleFunction<Sampler> value) {
        Gauge.builder("hookgen.inbox.rows", sampler, value)
                .description("Rows of the hookgen inbox, by status")
                .tag("status", status)
                .strongReference(true) // the sampler lives as long as the gauge: nothing else holds it
                .register(registry);
    }

    /** The counts, queried at most once a second however often the registry is scraped; NaN when the query fails. */
    private static final class Sampler {
        private final PostgresInbox inbox;
        private InboxCounts counts;
        private long sampled;

        Sampler(PostgresInbox inbox) {
            this.inbox = inbox;
        }

        double pending() {
            InboxCounts now = sample();
            return now == null ? Double.NaN : now.pending();
        }

        double dead() {
            InboxCounts now = sample();
            return now == null ? Double.NaN : now.dead();
        }

        private synchronized InboxCounts sample() {
            long time = System.nanoTime();
            if (counts == null || time - sampled > SAMPLE_NANOS) {
                sampled = time;
                try {
                    counts = inbox.counts();
                } catch (Exception e) {
                    counts = null;
                }
            }
            return counts;
        }
    }
}
