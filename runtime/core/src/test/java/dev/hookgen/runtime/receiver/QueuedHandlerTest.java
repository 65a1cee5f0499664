package dev.hookgen.runtime.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.runtime.catalog.TestEvent;
import dev.hookgen.runtime.catalog.UnknownTestEvent;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueuedHandlerTest {

    private static TestEvent event(int n) {
        return new UnknownTestEvent(JsonNodeFactory.instance.objectNode().put("trigger", "t").put("n", n));
    }

    @Test
    void workRunsOffTheCallersThreadAndAFullQueueRefusesInsteadOfGrowing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<TestEvent> done = new CopyOnWriteArrayList<>();
        QueuedHandler<TestEvent> queued = new QueuedHandler<>(event -> {
            release.await(5, TimeUnit.SECONDS);
            done.add(event);
        }, 2, 1, e -> { });
        queued.handle(event(1)); // taken by the one worker
        for (int i = 0; i < 100 && queued.queued() > 0; i++) {
            Thread.sleep(10);
        }
        queued.handle(event(2));
        queued.handle(event(3));
        assertEquals(2, queued.queued());
        RejectedExecutionException full = assertThrows(RejectedExecutionException.class, () -> queued.handle(event(4)));
        assertEquals("the work queue is full (2 waiting)", full.getMessage());
        release.countDown();
        assertTrue(queued.close(5_000));
        assertEquals(List.of(event(1), event(2), event(3)), done);
        assertEquals("the work queue is closed", assertThrows(RejectedExecutionException.class, () -> queued.handle(event(5))).getMessage());
    }

    @Test
    void failedWorkIsReportedNotThrown() throws Exception {
        List<Exception> failures = new CopyOnWriteArrayList<>();
        QueuedHandler<TestEvent> queued = new QueuedHandler<>(event -> {
            throw new IllegalStateException("crm down");
        }, 10, 1, failures::add);
        queued.handle(event(1));
        assertTrue(queued.close(5_000));
        assertEquals("crm down", failures.get(0).getMessage());
    }
}
