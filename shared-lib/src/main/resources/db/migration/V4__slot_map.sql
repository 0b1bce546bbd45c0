-- The slot map (docs/rollout.md): per service + environment, the two slots of its traffic target, which version each
-- holds since when, and its state. Every release deploys to the idle slot; success makes it live; a rollback returns
-- traffic to the live slot. At most one slot is live, enforced by Postgres itself.
CREATE TABLE slots (
    service     text        NOT NULL,
    environment text        NOT NULL,
    slot        text        NOT NULL,
    version     text,
    state       text        NOT NULL,
    since       timestamptz NOT NULL,
    PRIMARY KEY (service, environment, slot),
    CONSTRAINT slots_state_known CHECK (state IN ('LIVE', 'IDLE', 'DEPLOYING', 'RETIRED'))
);
CREATE UNIQUE INDEX slots_one_live ON slots (service, environment) WHERE state = 'LIVE';
