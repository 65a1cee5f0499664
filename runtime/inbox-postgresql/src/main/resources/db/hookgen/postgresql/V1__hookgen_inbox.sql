--liquibase formatted sql
--changeset hookgen:hookgen_inbox-1
-- The hookgen inbox: one row per received CometChat webhook delivery (dev.hookgen:hookgen-inbox-postgresql).
-- Usable as is as a Flyway migration and as a Liquibase formatted-SQL changelog, and run by PostgresInbox.createSchema()
-- (hookgen.inbox.initialize-schema=true): every statement is idempotent. Put the table in another schema through
-- the connection's search_path (JDBC: ?currentSchema=...).
CREATE TABLE IF NOT EXISTS hookgen_inbox (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idempotency_key  text        NOT NULL,
    trigger          text,
    body             bytea       NOT NULL,
    untyped          boolean     NOT NULL DEFAULT false,
    status           text        NOT NULL DEFAULT 'pending',
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    lease_owner      text,
    lease_expires_at timestamptz,
    last_error       text,
    received_at      timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    done_at          timestamptz,
    CONSTRAINT hookgen_inbox_idempotency_key_key UNIQUE (idempotency_key),
    CONSTRAINT hookgen_inbox_status_check CHECK (status IN ('pending', 'done', 'dead'))
);
-- what the workers claim: pending rows, soonest due first
CREATE INDEX IF NOT EXISTS hookgen_inbox_due ON hookgen_inbox (next_attempt_at, id) WHERE status = 'pending';
-- what retention deletes
CREATE INDEX IF NOT EXISTS hookgen_inbox_done ON hookgen_inbox (done_at) WHERE status = 'done';
-- what replay re-drives: dead rows, and rows handled as an unknown trigger
CREATE INDEX IF NOT EXISTS hookgen_inbox_replayable ON hookgen_inbox (id) WHERE status = 'dead' OR untyped;

COMMENT ON TABLE hookgen_inbox IS 'Received CometChat webhook deliveries, one per idempotency key (hookgen)';
COMMENT ON COLUMN hookgen_inbox.idempotency_key IS 'The event''s idempotency key; drift:<sha256 of body> for a payload that did not fit the schemas';
COMMENT ON COLUMN hookgen_inbox.trigger IS 'The trigger, as delivered; null for a payload without a string trigger';
COMMENT ON COLUMN hookgen_inbox.body IS 'The request body, byte for byte as received';
COMMENT ON COLUMN hookgen_inbox.untyped IS 'Parsed as an unknown trigger (no schema) when last received or handled';
COMMENT ON COLUMN hookgen_inbox.status IS 'pending: to be handled; done: handled; dead: drift, or out of attempts (kept for replay)';
COMMENT ON COLUMN hookgen_inbox.attempts IS 'How many times a worker claimed the row';
COMMENT ON COLUMN hookgen_inbox.next_attempt_at IS 'When a pending row is due (later after a failure: exponential backoff)';
COMMENT ON COLUMN hookgen_inbox.lease_owner IS 'The worker holding the row now; null when none';
COMMENT ON COLUMN hookgen_inbox.lease_expires_at IS 'When the lease ends: past it, another worker may claim the row';
COMMENT ON COLUMN hookgen_inbox.last_error IS 'Why the last attempt failed, or why the row is dead';
