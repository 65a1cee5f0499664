package dev.hookgen.runtime.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.runtime.Event;
import dev.hookgen.runtime.WebhookParseException;
import dev.hookgen.runtime.catalog.Ping;
import dev.hookgen.runtime.catalog.TestEvent;
import dev.hookgen.runtime.catalog.UnknownTestEvent;
import dev.hookgen.runtime.receiver.WebhookReceiver.Outcome;
import dev.hookgen.runtime.receiver.WebhookReceiver.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver with an {@link Inbox} in place of a handler: the same status policy, the inbox's write as the 200. */
class WebhookReceiverInboxTest {

    private static final String AUTH = WebhookReceiverTest.basic("u", "p");

    private static final String PING = "{\"trigger\":\"ping\",\"data\":{\"id\":\"p-1\"},\"webhook\":\"w\"}";

    @TempDir
    Path dir;

    /** An inbox in memory, keyed as a table with a unique key would be. */
    private static final class MemoryInbox implements Inbox {
        final Map<String, byte[]> stored = new LinkedHashMap<>();
        final List<Event> events = new ArrayList<>();
        final List<String> dead = new ArrayList<>();
        Exception failure;

        @Override
        public synchronized Added add(Event event, byte[] body) throws Exception {
            if (failure != null) {
                throw failure;
            }
            if (stored.putIfAbsent(event.idempotencyKey(), body) != null) {
                return Added.DUPLICATE;
            }
            events.add(event);
            return Added.NEW;
        }

        @Override
        public synchronized void addDead(byte[] body, String trigger, WebhookParseException drift) throws Exception {
            if (failure != null) {
                throw failure;
            }
            dead.add(trigger + " " + drift.location().orElse("$") + " " + new String(body, UTF_8));
        }
    }

    private final MemoryInbox inbox = new MemoryInbox();

    private WebhookReceiver<TestEvent> receiver() {
        return WebhookReceiver.builder(TestEvent.reader()).credentials(List.of(new Credentials("u", "p"))).inbox(inbox).build();
    }

    private static Response post(WebhookReceiver<TestEvent> receiver, String body) {
        byte[] bytes = body.getBytes(UTF_8);
        return receiver.handle(AUTH, new ByteArrayInputStream(bytes), bytes.length);
    }

    @Test
    void aNewEventIsStoredWithItsExactBytesThenAnsweredOk() {
        String spaced = "{ \"trigger\" : \"ping\", \"data\": {\"id\": \"p-1\"}, \"appId\": \"a\", \"webhook\": \"w\" }";
        Response response = post(receiver(), spaced);
        assertEquals(Outcome.ACCEPTED, response.outcome());
        assertEquals(200, response.status());
        assertEquals("accepted\n", response.body());
        assertEquals("ping", response.trigger());
        assertArrayEquals(spaced.getBytes(UTF_8), inbox.stored.get("a:w:ping:p-1"), "the bytes as received, not a rewrite");
        assertEquals("p-1", assertInstanceOf(Ping.class, inbox.events.get(0)).getData().getId());
    }

    @Test
    void aRepeatedDeliveryIsTheInboxsDuplicateAnsweredOk() {
        WebhookReceiver<TestEvent> receiver = receiver();
        post(receiver, PING);
        Response again = post(receiver, PING);
        assertEquals(Outcome.DUPLICATE, again.outcome());
        assertEquals(200, again.status());
        assertEquals("duplicate\n", again.body());
        assertEquals(1, inbox.events.size());
    }

    @Test
    void anUnknownTriggerIsStoredLikeAnyEvent() {
        assertEquals(Outcome.ACCEPTED, post(receiver(), "{\"trigger\":\"pong\",\"webhook\":\"w\"}").outcome());
        assertInstanceOf(UnknownTestEvent.class, inbox.events.get(0));
    }

    @Test
    void driftIsStoredDeadInTheInboxWithItsReasonAndAnsweredOk() {
        Response response = post(receiver(), "{\"trigger\":\"ping\",\"data\":{\"id\":7}}");
        assertEquals(Outcome.DEAD_LETTERED, response.outcome());
        assertEquals(200, response.status());
        assertEquals("saved for review: the payload does not fit the schema at $.data.id\n", response.body());
        assertEquals(List.of("ping $.data.id {\"trigger\":\"ping\",\"data\":{\"id\":7}}"), inbox.dead);
        Response noTrigger = post(receiver(), "{\"data\":{}}");
        assertEquals(Outcome.DEAD_LETTERED, noTrigger.outcome());
        assertNull(noTrigger.trigger());
        assertEquals("null $.trigger {\"data\":{}}", inbox.dead.get(1));
    }

    @Test
    void aFailingInboxGets500ForEventsAndForDrift() {
        SQLException down = new SQLException("connection refused");
        inbox.failure = down;
        Response event = post(receiver(), PING);
        assertEquals(Outcome.FAILED, event.outcome());
        assertEquals(500, event.status());
        assertEquals("cannot store the event; retry\n", event.body());
        assertSame(down, event.failureCause().orElseThrow());

        Response drift = post(receiver(), "{\"trigger\":\"ping\",\"data\":{\"id\":7}}");
        assertEquals(Outcome.FAILED, drift.outcome());
        assertEquals("cannot save the payload; retry\n", drift.body());
        assertInstanceOf(WebhookParseException.class, drift.failureCause().orElseThrow().getSuppressed()[0]);
    }

    @Test
    void authLimitsAndMalformedBodiesAreAnsweredBeforeTheInbox() {
        WebhookReceiver<TestEvent> receiver = receiver();
        byte[] ping = PING.getBytes(UTF_8);
        assertEquals(401, receiver.handle(null, new ByteArrayInputStream(ping), ping.length).status());
        assertEquals(400, post(receiver, "[]").status());
        WebhookReceiver<TestEvent> small = WebhookReceiver.builder(TestEvent.reader())
                .credentials(List.of(new Credentials("u", "p"))).maxBodyBytes(10).inbox(inbox).build();
        assertEquals(413, small.handle(AUTH, new ByteArrayInputStream(ping), ping.length).status());
        assertTrue(inbox.stored.isEmpty());
        assertTrue(inbox.dead.isEmpty());
    }

    @Test
    void anInboxExcludesAHandlerAStoreAndDeadLetters() throws IOException {
        String message = "an inbox stores, deduplicates and keeps dead letters itself: set no handler, idempotency store or dead letters beside it";
        WebhookReceiver.Builder<TestEvent> base = WebhookReceiver.builder(TestEvent.reader()).credentials(List.of(new Credentials("u", "p")));
        assertEquals(message, assertThrows(IllegalStateException.class, () -> base.inbox(inbox).handler(event -> { }).build()).getMessage());
        WebhookReceiver.Builder<TestEvent> withStore = WebhookReceiver.builder(TestEvent.reader()).credentials(List.of(new Credentials("u", "p")));
        assertEquals(message, assertThrows(IllegalStateException.class,
                () -> withStore.inbox(inbox).idempotencyStore(new InMemoryIdempotencyStore()).build()).getMessage());
        WebhookReceiver.Builder<TestEvent> withDead = WebhookReceiver.builder(TestEvent.reader()).credentials(List.of(new Credentials("u", "p")));
        DeadLetters letters = new DeadLetters(dir);
        assertEquals(message, assertThrows(IllegalStateException.class, () -> withDead.inbox(inbox).deadLetters(letters).build()).getMessage());
    }
}
