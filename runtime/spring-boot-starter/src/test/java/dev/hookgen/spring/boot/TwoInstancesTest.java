package dev.hookgen.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.inbox.postgresql.Samples;
import dev.hookgen.inbox.postgresql.TestDatabase;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of an application behind a load balancer that sends every delivery to both (the worst case of a
 * retry): one PostgreSQL, two Spring contexts on random ports, real HTTP. Each event is stored once and handled once,
 * also when one instance is stopped in the middle.
 */
class TwoInstancesTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase("two_instances");

    private static final String AUTH = Http.basic("cometchat", "secret");

    private static final int CLIENTS = 8;

    private static final int EVENTS = 1_000;

    private static ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(RecordingApp.class).properties(
                "spring.application.name=" + name,
                "server.port=0",
                "spring.main.banner-mode=off",
                "spring.datasource.url=" + DB.jdbcUrl(),
                "spring.datasource.username=" + TestDatabase.USER,
                "spring.datasource.password=" + TestDatabase.PASSWORD,
                "spring.datasource.hikari.maximum-pool-size=8",
                "spring.datasource.hikari.minimum-idle=2",
                "hookgen.receiver.mode=inbox",
                "hookgen.receiver.credentials[0].username=cometchat",
                "hookgen.receiver.credentials[0].password=secret",
                "hookgen.inbox.initialize-schema=true",
                "hookgen.inbox.poll-interval=100ms").run();
    }

    private static URI endpoint(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + "/webhooks/cometchat");
    }

    @Test
    void everyEventSentToBothInstancesIsStoredAndHandledOnceAlsoWhenOneStopsInTheMiddle() throws Exception {
        // one after the other: two applications starting at once in one JVM race in Spring Boot's initialization of
        // the logging system they share (a ConcurrentModificationException in LoggingApplicationListener); two
        // processes would not. Concurrent schema creation is PostgresInboxTest's.
        ConfigurableApplicationContext one = start("one");
        ConfigurableApplicationContext two = start("two");
        RecordingHandler recordedByOne = one.getBean(RecordingHandler.class);
        RecordingHandler recordedByTwo = two.getBean(RecordingHandler.class);
        List<URI> endpoints = List.of(endpoint(one), endpoint(two));
        List<String> names = new ArrayList<>(Samples.all().keySet());

        AtomicInteger acknowledged = new AtomicInteger();
        CountDownLatch halfway = new CountDownLatch(EVENTS / 2);
        Map<String, Integer> okAnswers = new HashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Map<String, Integer>>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            results.add(clients.submit(() -> {
                Map<String, Integer> oks = new HashMap<>();
                for (int i = client; i < EVENTS; i += CLIENTS) {
                    byte[] body = Samples.distinct(names.get(i % names.size()), "two-" + i);
                    String key = WebhookEvents.parse(body).idempotencyKey();
                    int ok = 0;
                    for (int attempt = 0; ok == 0; attempt++) { // as CometChat retries a delivery no instance took
                        if (attempt > 0) {
                            Thread.sleep(50);
                        }
                        List<CompletableFuture<HttpResponse<String>>> both = new ArrayList<>();
                        for (URI endpoint : endpoints) {
                            both.add(Http.CLIENT.sendAsync(Http.post(endpoint, AUTH, body).build(), HttpResponse.BodyHandlers.ofString()));
                        }
                        for (CompletableFuture<HttpResponse<String>> answer : both) {
                            try {
                                HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
                                if (response.statusCode() == 200) {
                                    ok++;
                                }
                            } catch (java.util.concurrent.ExecutionException refused) {
                                // the stopped instance: connection refused or reset
                            }
                        }
                    }
                    oks.put(key, ok);
                    acknowledged.incrementAndGet();
                    halfway.countDown();
                }
                return oks;
            }));
        }
        assertTrue(halfway.await(120, TimeUnit.SECONDS));
        one.close(); // graceful: the web server stops, then the workers finish their event and give back their rows
        for (Future<Map<String, Integer>> result : results) {
            okAnswers.putAll(result.get(120, TimeUnit.SECONDS));
        }
        clients.shutdown();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (((Number) DB.value("SELECT count(*) FROM hookgen_inbox WHERE status = 'done'")).intValue() < EVENTS
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(EVENTS, acknowledged.get());
            assertEquals(EVENTS, okAnswers.size(), "every event acknowledged by at least one instance");
            assertEquals((long) EVENTS, DB.value("SELECT count(*) FROM hookgen_inbox"), "one row per event");
            assertEquals((long) EVENTS, DB.value("SELECT count(*) FROM hookgen_inbox WHERE status = 'done'"), "none lost");

            Map<String, Integer> handled = new HashMap<>(recordedByOne.byKey);
            recordedByTwo.byKey.forEach((key, count) -> handled.merge(key, count, Integer::sum));
            assertEquals(okAnswers.keySet(), handled.keySet(), "every event reached a handler");
            Set<String> twice = new HashSet<>();
            handled.forEach((key, count) -> {
                if (count != 1) {
                    twice.add(key + " x" + count);
                }
            });
            assertEquals(Set.of(), twice, "none handled twice: the stopped instance's workers finished their event");
            assertTrue(!recordedByOne.byKey.isEmpty() && !recordedByTwo.byKey.isEmpty(), "both instances handled a share");
            long answeredTwice = okAnswers.values().stream().filter(count -> count == 2).count();
            assertTrue(answeredTwice > 0, "most copies were answered 200 by both (one accepted, one duplicate)");
        } finally {
            two.close();
        }
    }
}
