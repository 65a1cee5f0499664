package dev.hookgen.cometchat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One shared parser serves many threads: every thread gets the events a lone thread gets. */
class ConcurrencyTest {

    @Test
    void theSharedParserIsThreadSafe() throws Exception {
        List<String> names = Samples.names();
        List<byte[]> bodies = names.stream().map(Samples::bytes).toList();
        List<WebhookEvent> expected = bodies.stream().map(WebhookEvents::parse).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < bodies.size(); i++) {
                            int index = (i + offset) % bodies.size();
                            WebhookEvent event = WebhookEvents.parse(bodies.get(index));
                            assertEquals(expected.get(index), event, names.get(index));
                            assertEquals(Samples.tree(bodies.get(index)), Samples.tree(WebhookEvents.toJson(event)));
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(50 * bodies.size(), result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
