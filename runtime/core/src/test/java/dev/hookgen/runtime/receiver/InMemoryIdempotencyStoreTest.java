package dev.hookgen.runtime.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.runtime.receiver.IdempotencyStore.Claim;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
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

    @Test
    void keysThatDifferOnlyPastAnyPrefixAreDifferentKeys() {
        InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(10);
        String prefix = "w:group_member_kicked:".repeat(50);
        store.claim(prefix + "user-a");
        store.complete(prefix + "user-a");
        assertEquals(Claim.CLAIMED, store.claim(prefix + "user-b"));
        assertEquals(Claim.CLAIMED, store.claim("\ud83d"), "a lone surrogate is not taken for '?'");
        store.complete("\ud83d");
        assertEquals(Claim.CLAIMED, store.claim("?"));
    }

    /**
     * The store holds a fixed-size digest per key, so its memory is set by its capacity, not by what the keys
     * hold. Measured as the heap in use after a full collection ({@code System.gc()}, through the
     * {@code MemoryMXBean}) with the store filled to its default capacity with keys of 1,000 characters, minus the
     * same before; a store of the key strings would hold more than 100 MiB of them alone.
     */
    @Test
    void aFullStoreOfLongKeysHoldsUnderTwelveMebibytes() {
        long before = heapUsedAfterGc();
        InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
        String padding = "k".repeat(1_000 - 7);
        for (int i = 0; i < store.capacity(); i++) {
            String key = padding + String.format("%07d", i);
            store.claim(key);
            store.complete(key);
        }
        long retained = heapUsedAfterGc() - before;
        assertEquals(InMemoryIdempotencyStore.DEFAULT_CAPACITY, store.size());
        Reference.reachabilityFence(store);
        System.out.printf("InMemoryIdempotencyStore: %,d keys of 1,000 characters retain %,d bytes (%.1f MiB, %d bytes a key)%n",
                store.capacity(), retained, retained / 1024.0 / 1024.0, retained / store.capacity());
        assertTrue(retained < 12L * 1024 * 1024, "retained " + retained + " bytes");
    }

    private static long heapUsedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
