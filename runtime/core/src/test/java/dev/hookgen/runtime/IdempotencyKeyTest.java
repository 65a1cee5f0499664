package dev.hookgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void partsAreJoinedAndAMissingPartIsEmpty() {
        assertEquals("wh:message_sent:1", IdempotencyKey.of("wh", "message_sent", "1"));
        assertEquals("wh::1696934912", IdempotencyKey.of("wh", null, 1696934912L));
    }

    @Test
    void twoDifferentListsOfPartsNeverGiveTheSameKey() {
        assertNotEquals(IdempotencyKey.of("a:b", "c"), IdempotencyKey.of("a", "b:c"));
        assertNotEquals(IdempotencyKey.of("a%3Ab"), IdempotencyKey.of("a:b"));
        assertEquals("a%3Ab:c%25", IdempotencyKey.of("a:b", "c%"));
    }

    @Test
    void theDigestIsTheSha256OfTheCompactJsonTextInHex() {
        // printf '{"a":1}' | sha256sum
        assertEquals("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862", IdempotencyKey.digest(Json.tree("{\"a\": 1}")));
    }
}
