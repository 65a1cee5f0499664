package dev.hookgen.runtime.receiver;

import dev.hookgen.runtime.IdempotencyKey;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An {@link IdempotencyStore} in this process's memory: the most recently handled keys, up to a
 * capacity, least recently seen evicted first.
 *
 * <p>Keys are held as their SHA-256 ({@link IdempotencyKey#sha256}, 32 bytes in four {@code long}s), never as
 * the strings themselves, so an entry has the same size whatever the key's length: a 48-byte digest, the
 * map's 40-byte entry and its table slot on a 64-bit JVM with compressed pointers. Filled to the default
 * capacity, 100,000 keys, the store retained 9.4 MiB of heap (98 bytes a key; {@code InMemoryIdempotencyStoreTest}
 * measures it on every build and prints the figure).
 * Keys in flight (claimed, not yet completed or released) are digests too, one per request being handled.
 *
 * <p>CometChat retries after 10 and 30 seconds, so a capacity of a few minutes' traffic catches
 * every retry. The store is lost on restart and not shared between instances: a delivery retried across a
 * restart, or evicted, is handled again (at-least-once), and the events file then holds it twice, with the
 * same key.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    public static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;

    private final LinkedHashMap<Digest, Boolean> done;

    private final Set<Digest> inFlight = new HashSet<>();

    public InMemoryIdempotencyStore() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity the number of handled keys kept, at least 1 */
    public InMemoryIdempotencyStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.done = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Digest, Boolean> eldest) {
                return size() > InMemoryIdempotencyStore.this.capacity;
            }
        };
    }

    @Override
    public Claim claim(String key) {
        Digest digest = Digest.of(Objects.requireNonNull(key, "key"));
        synchronized (this) {
            if (done.get(digest) != null) {
                return Claim.DONE;
            }
            return inFlight.add(digest) ? Claim.CLAIMED : Claim.IN_FLIGHT;
        }
    }

    @Override
    public void complete(String key) {
        Digest digest = Digest.of(Objects.requireNonNull(key, "key"));
        synchronized (this) {
            if (!inFlight.remove(digest)) {
                throw new IllegalStateException("complete without claim: " + key);
            }
            done.put(digest, Boolean.TRUE);
        }
    }

    @Override
    public void release(String key) {
        Digest digest = Digest.of(Objects.requireNonNull(key, "key"));
        synchronized (this) {
            inFlight.remove(digest);
        }
    }

    /** The number of handled keys held now. */
    public synchronized int size() {
        return done.size();
    }

    public int capacity() {
        return capacity;
    }

    /** The SHA-256 of a key: fixed-size, and equal for equal keys only (short of a SHA-256 collision). */
    private record Digest(long a, long b, long c, long d) {
        static Digest of(String key) {
            ByteBuffer sha256 = ByteBuffer.wrap(IdempotencyKey.sha256(key));
            return new Digest(sha256.getLong(), sha256.getLong(), sha256.getLong(), sha256.getLong());
        }
    }
}
