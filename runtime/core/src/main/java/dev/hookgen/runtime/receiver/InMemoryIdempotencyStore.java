package dev.hookgen.runtime.receiver;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An {@link IdempotencyStore} in this process's memory: the most recently handled keys, up to a
 * capacity, least recently seen evicted first.
 *
 * <p>CometChat retries after 10 and 30 seconds, so a capacity of a few minutes' traffic catches
 * every retry; the default, 100,000 keys, costs roughly 20 MB at most. The store is lost on restart
 * and not shared between instances: a delivery retried across a restart, or evicted, is handled
 * again (at-least-once), and the events file then holds it twice, with the same key.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    public static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;

    private final LinkedHashMap<String, Boolean> done;

    private final Set<String> inFlight = new HashSet<>();

    public InMemoryIdempotencyStore() {
        this(DEFAULT_CAPACITY);
    }

    public InMemoryIdempotencyStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.done = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > InMemoryIdempotencyStore.this.capacity;
            }
        };
    }

    @Override
    public synchronized Claim claim(String key) {
        Objects.requireNonNull(key, "key");
        if (done.get(key) != null) {
            return Claim.DONE;
        }
        return inFlight.add(key) ? Claim.CLAIMED : Claim.IN_FLIGHT;
    }

    @Override
    public synchronized void complete(String key) {
        if (!inFlight.remove(key)) {
            throw new IllegalStateException("complete without claim: " + key);
        }
        done.put(key, Boolean.TRUE);
    }

    @Override
    public synchronized void release(String key) {
        inFlight.remove(key);
    }

    /** The number of handled keys held now. */
    public synchronized int size() {
        return done.size();
    }

    public int capacity() {
        return capacity;
    }
}
