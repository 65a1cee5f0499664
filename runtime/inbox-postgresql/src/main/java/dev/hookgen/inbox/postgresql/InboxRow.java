package dev.hookgen.inbox.postgresql;

/**
 * A row a worker has claimed.
 *
 * @param id the row's id
 * @param idempotencyKey the event's key
 * @param trigger the trigger as stored (null for a payload without one)
 * @param body the bytes as received
 * @param attempts the attempts so far, this one included
 */
record InboxRow(long id, String idempotencyKey, String trigger, byte[] body, int attempts) {
}
