-- Release ledger, audit trail, approvals and the transactional outbox (docs/state.md).

CREATE TABLE releases (
    id                 uuid        PRIMARY KEY,
    service            text        NOT NULL,
    environment        text        NOT NULL,
    version            text        NOT NULL,
    commit_sha         text,
    first_commit_at    timestamptz,
    strategy           text        NOT NULL,
    state              text        NOT NULL,
    current_step       integer     NOT NULL DEFAULT 0,
    stable_weight      integer,
    canary_weight      integer,
    started_at         timestamptz NOT NULL,
    finished_at        timestamptz,
    actor              text        NOT NULL,
    ci_run_url         text,
    spec_hash          text,
    previous_release_id uuid       REFERENCES releases (id),
    rolled_back_from   uuid        REFERENCES releases (id),
    finish_reason      text,
    lock_actor         text        NOT NULL,
    lock_ci_run_url    text,
    locked_since       timestamptz NOT NULL,
    CONSTRAINT releases_state_known CHECK (state IN ('IN_PROGRESS', 'PAUSED', 'SUCCEEDED', 'ROLLED_BACK', 'FAILED', 'ABORTED')),
    CONSTRAINT releases_weights_pair CHECK ((stable_weight IS NULL) = (canary_weight IS NULL))
);

-- The environment lock: at most one unfinished release per service + environment, enforced by Postgres itself.
CREATE UNIQUE INDEX releases_environment_lock ON releases (service, environment)
    WHERE state IN ('IN_PROGRESS', 'PAUSED');

CREATE INDEX releases_by_environment ON releases (service, environment, started_at);

-- Few indexes on the two hot append tables: every index is paid on every step (bench/benchmarks/ledger-append).
CREATE TABLE release_steps (
    id            bigserial   NOT NULL,
    release_id    uuid        NOT NULL REFERENCES releases (id),
    step_index    integer     NOT NULL,
    kind          text        NOT NULL,
    stable_weight integer,
    canary_weight integer,
    verdict       text,
    details       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    recorded_at   timestamptz NOT NULL,
    -- The outbox event written with the step; as the key it also makes a retried append idempotent.
    event_id      uuid        PRIMARY KEY
);
CREATE INDEX release_steps_by_release ON release_steps (release_id, id);

CREATE TABLE approvals (
    id          bigserial   PRIMARY KEY,
    release_id  uuid        NOT NULL REFERENCES releases (id),
    step_index  integer     NOT NULL,
    approver    text        NOT NULL,
    ci_run_url  text,
    comment     text,
    approved_at timestamptz NOT NULL
);
CREATE INDEX approvals_by_release ON approvals (release_id, id);

CREATE TABLE audit (
    id         bigserial   PRIMARY KEY,
    release_id uuid        NOT NULL REFERENCES releases (id),
    action     text        NOT NULL,
    actor      text        NOT NULL,
    ci_run_url text,
    reason     text,
    at         timestamptz NOT NULL
);
CREATE INDEX audit_by_release ON audit (release_id, id);

CREATE TABLE outbox (
    sequence    bigserial   PRIMARY KEY,
    -- Not unique-indexed: ids are random UUIDs and JetStream drops a repeated Nats-Msg-Id anyway.
    event_id    uuid        NOT NULL,
    service     text        NOT NULL,
    environment text        NOT NULL,
    subject     text        NOT NULL,
    type        text        NOT NULL,
    payload     json        NOT NULL,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz
);
-- The relay's work queue: only unsent rows, in order.
CREATE INDEX outbox_unsent ON outbox (sequence) WHERE sent_at IS NULL;
