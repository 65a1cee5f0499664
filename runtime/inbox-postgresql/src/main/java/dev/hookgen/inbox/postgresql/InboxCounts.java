package dev.hookgen.inbox.postgresql;

/**
 * How many rows of the inbox wait and how many are dead, at one moment.
 *
 * @param pending rows to be handled, those being handled now included
 * @param dead rows set aside: payloads that did not fit the schemas, and events whose handler ran out of attempts
 */
public record InboxCounts(long pending, long dead) {
}
