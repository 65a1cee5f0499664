package dev.hookgen.runtime.receiver;

/**
 * Remembers which deliveries were handled, by {@link dev.hookgen.runtime.Event#idempotencyKey()}.
 *
 * <p>A key goes through two steps: {@link #claim} reserves it before the handler runs, then
 * {@link #complete} records it once the handler succeeded, or {@link #release} frees it when the
 * handler failed (so that CometChat's retry is handled, not mistaken for a duplicate). Two
 * deliveries of one event arriving at once therefore cannot both reach the handler.
 *
 * <p>{@link InMemoryIdempotencyStore} is the default. Several receiver instances behind a load
 * balancer need a shared store; with Redis, for example: {@code claim} is
 * {@code SET key "in-flight" NX EX 60} (and a {@code GET} to tell {@code DONE} from {@code IN_FLIGHT}
 * when it fails), {@code complete} is {@code SET key "done" EX 86400}, {@code release} is {@code DEL key};
 * with a database, a unique key column and a state column do the same. Keys are at most
 * {@value dev.hookgen.runtime.IdempotencyKey#MAX_LENGTH} characters ({@link dev.hookgen.runtime.IdempotencyKey}), so
 * a {@code varchar(200)} holds any of them. A store that writes keys to a database must take any string a key may hold:
 * PostgreSQL's {@code text} refuses NUL, and its JDBC driver writes a lone surrogate as {@code ?}, which would merge two
 * keys (and lose the second event as a duplicate); escape them reversibly, as {@code hookgen-inbox-postgresql} does, or
 * store the key's SHA-256.
 *
 * <p>Implementations are thread-safe. An exception from any method makes the delivery a 500.
 */
public interface IdempotencyStore {

    /** What {@link #claim} found. */
    enum Claim {
        /** The key was free and is now reserved for the caller, which must complete or release it. */
        CLAIMED,
        /** The key was handled before: the delivery is a duplicate. */
        DONE,
        /** Another request holds the key right now: its outcome is not known yet. */
        IN_FLIGHT
    }

    Claim claim(String key);

    /** Records a claimed key as handled. */
    void complete(String key);

    /** Frees a claimed key whose handling failed. */
    void release(String key);
}
