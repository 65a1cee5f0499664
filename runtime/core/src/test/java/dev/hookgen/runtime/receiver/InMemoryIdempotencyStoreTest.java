package dev.hookgen.runtime.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookgen.runtime.receiver.IdempotencyStore.Claim;
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTest {

    @Test
    void aKeyIsDoneOnlyOnceCompletedAndFreeAgainWhenReleased() {
        InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(10);
        assertEquals(Claim.CLAIMED, store.claim("k"));
        assertEquals(Claim.IN_FLIGHT, store.claim("k"));
        store.release("k");
        assertEquals(Claim.CLAIMED, store.claim("k"), "a failed attempt does not make the retry a duplicate");
        store.complete("k");
        assertEquals(Claim.DONE, store.claim("k"));
        assertEquals(1, store.size());
    }

    @Test
    void theLeastRecentlySeenKeyIsEvictedPastTheCapacity() {
        InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(2);
        for (String key : new String[] {"a", "b"}) {
            store.claim(key);
            store.complete(key);
        }
        assertEquals(Claim.DONE, store.claim("a")); // "a" is now the most recently seen
        store.claim("c");
        store.complete("c");
        assertEquals(2, store.size());
        assertEquals(Claim.DONE, store.claim("a"));
        assertEquals(Claim.CLAIMED, store.claim("b"), "evicted: handled again, at-least-once");
    }

    @Test
    void completingAnUnclaimedKeyIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new InMemoryIdempotencyStore().complete("x"));
        assertEquals("complete without claim: x", e.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new InMemoryIdempotencyStore(0));
        assertEquals("capacity must be at least 1, not 0", zero.getMessage());
    }
}
