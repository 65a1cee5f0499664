package dev.hookgen.inbox.postgresql;

/**
 * What a replay did ({@link PostgresInbox#replay}).
 *
 * @param requeued rows made pending again, to be handled by the workers: dead rows that now parse, and rows handled
 *     as an unknown trigger whose trigger now has a schema
 * @param stillDead dead rows whose body still does not fit the schemas, and rows of an unknown trigger that do not fit
 *     the schema their trigger has now: dead, their {@code last_error} says where
 * @param stillUnknown rows of unknown triggers whose trigger still has no schema
 */
public record ReplayResult(int requeued, int stillDead, int stillUnknown) {
}
