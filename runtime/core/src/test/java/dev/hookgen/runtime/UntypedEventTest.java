package dev.hookgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.runtime.catalog.UnknownTestEvent;
import org.junit.jupiter.api.Test;

class UntypedEventTest {

    private static UnknownTestEvent event(String json) {
        return new UnknownTestEvent((ObjectNode) Json.tree(json));
    }

    @Test
    void theEnvelopeIsReadFromThePayloadAndAbsentOrNonTextFieldsAreNull() {
        UnknownTestEvent event = event("{\"trigger\":\"t\",\"appId\":\"a\",\"region\":\"eu\",\"webhook\":\"w\"}");
        assertEquals("t", event.getTrigger());
        assertEquals("a", event.getAppId());
        assertEquals("eu", event.getRegion());
        assertEquals("w", event.getWebhook());
        UnknownTestEvent odd = event("{\"trigger\":\"t\",\"appId\":5,\"region\":null}");
        assertNull(odd.getAppId());
        assertNull(odd.getRegion());
        assertNull(odd.getWebhook());
    }

    @Test
    void theKeyIsWebhookTriggerAndADigestOfThePayload() {
        UnknownTestEvent a = event("{\"trigger\":\"t\",\"webhook\":\"w\",\"n\":1}");
        UnknownTestEvent b = event("{\"trigger\":\"t\",\"webhook\":\"w\",\"n\":2}");
        assertEquals(":w:t:" + IdempotencyKey.digest(Json.tree("{\"trigger\":\"t\",\"webhook\":\"w\",\"n\":1}")), a.idempotencyKey());
        assertNotEquals(a.idempotencyKey(), b.idempotencyKey());
    }

    @Test
    void aRetryInAnotherKeyOrderOrIndentationHasTheSameKey() {
        UnknownTestEvent sent = event("{\"trigger\":\"t\",\"webhook\":\"w\",\"data\":{\"a\":1,\"b\":[1,2]}}");
        UnknownTestEvent retried = event("{\n  \"data\": {\"b\": [1, 2], \"a\": 1},\n  \"webhook\": \"w\",\n  \"trigger\": \"t\"\n}");
        assertEquals(sent.idempotencyKey(), retried.idempotencyKey());
        assertNotEquals(sent.idempotencyKey(), event("{\"trigger\":\"t\",\"webhook\":\"w\",\"data\":{\"a\":1,\"b\":[2,1]}}")
                .idempotencyKey(), "array order is part of the value");
    }

    @Test
    void withoutAWebhookTheKeyStillCoversThePayload() {
        UnknownTestEvent event = event("{\"trigger\":\"t\",\"n\":1}");
        assertEquals("::t:" + IdempotencyKey.digest(Json.tree("{\"trigger\":\"t\",\"n\":1}")), event.idempotencyKey());
    }

    @Test
    void equalityIsThePayloadsAndToStringShowsNoValues() {
        assertEquals(event("{\"trigger\":\"t\",\"n\":1}"), event("{\"trigger\":\"t\",\"n\":1}"));
        assertEquals(event("{\"trigger\":\"t\",\"n\":1}").hashCode(), event("{\"trigger\":\"t\",\"n\":1}").hashCode());
        assertNotEquals(event("{\"trigger\":\"t\",\"n\":1}"), event("{\"trigger\":\"t\",\"n\":2}"));
        assertEquals("UnknownTestEvent[trigger=t, fields=2]", event("{\"trigger\":\"t\",\"secret\":\"s\"}").toString());
        assertThrows(NullPointerException.class, () -> new UnknownTestEvent(null));
    }
}
