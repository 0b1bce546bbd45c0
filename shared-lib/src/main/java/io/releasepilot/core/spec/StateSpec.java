package io.releasepilot.core.spec;

/** Where the release ledger and events go; only environment variable names and credential IDs, never secrets. */
public record StateSpec(DatabaseSpec database, NatsSpec nats) {
    public StateSpec {
        Require.present(database, "database");
        Require.present(nats, "nats");
    }
}
