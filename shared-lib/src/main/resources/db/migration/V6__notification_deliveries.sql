-- Notification deliveries (docs/notifications.md): one row per release event and channel, unique by dedup_key, so an
-- event read twice never yields a second delivery; retried with backoff, DEAD after the last attempt.

CREATE TABLE notification_deliveries (
    id              bigserial   PRIMARY KEY,
    dedup_key       text        NOT NULL UNIQUE,
    event_id        uuid        NOT NULL,
    release_id      uuid        NOT NULL,
    -- Each notifier (one per spec, so per service) attempts only its own service's deliveries: the channels are its spec's.
    service         text        NOT NULL,
    channel         text        NOT NULL,
    event_type      text        NOT NULL,
    severity        text        NOT NULL,
    -- The composed notification (title, explanation, facts, links) as JSON: a retry sends what the first attempt did.
    notification    jsonb       NOT NULL,
    state           text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    CONSTRAINT notification_deliveries_state_known CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD'))
);
CREATE INDEX notification_deliveries_due ON notification_deliveries (service, next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX notification_deliveries_by_release ON notification_deliveries (release_id, id);

-- How far each notifier has read the outbox; moved in the same transaction as the deliveries it wrote.
CREATE TABLE notifier_positions (
    consumer      text        PRIMARY KEY,
    last_sequence bigint      NOT NULL,
    updated_at    timestamptz NOT NULL
);
