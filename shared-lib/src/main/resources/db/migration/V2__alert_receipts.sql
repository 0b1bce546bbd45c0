-- Alerts that made `release-pilot serve` roll a release back (docs/serve.md): a repeated Alertmanager webhook for the
-- same group and the same alerts finds its keys here and does nothing new, even after a newer release has started.
CREATE TABLE alert_receipts (
    alert_key   text        PRIMARY KEY,
    group_key   text        NOT NULL,
    release_id  uuid        NOT NULL REFERENCES releases (id),
    received_at timestamptz NOT NULL
);
CREATE INDEX alert_receipts_by_release ON alert_receipts (release_id);
