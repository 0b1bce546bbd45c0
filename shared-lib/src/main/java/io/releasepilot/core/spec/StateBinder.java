package io.releasepilot.core.spec;

import java.util.Optional;

/** Binds {@code state}: where the ledger database and the NATS server are, by variable names or credential IDs. */
final class StateBinder {
    private final SpecValues values;
    private final SpecReferences references;

    StateBinder(SpecValues values) {
        this.values = values;
        this.references = new SpecReferences(values);
    }

    Bound<StateSpec> bind(Mapping o) {
        Parts parts = values.parts();
        Bound<DatabaseSpec> database = parts.add(parts.object(o, "database", "state.database")
                .map(this::database)
                .orElseGet(() -> Bound.of(DatabaseSpec.embedded())));
        Bound<NatsSpec> nats = parts.add(
                parts.object(o, "nats", "state.nats").map(this::nats).orElseGet(() -> Bound.of(NatsSpec.none())));
        return parts.build(o, () -> new StateSpec(database.value(), nats.value()));
    }

    private Bound<DatabaseSpec> database(Mapping d) {
        Parts parts = values.parts();
        Bound<Optional<String>> url = parts.add(references.envName(d, "urlEnv"));
        Bound<Optional<String>> user = parts.add(references.envName(d, "userEnv"));
        Bound<Optional<String>> password = parts.add(references.envName(d, "passwordEnv"));
        Bound<Optional<String>> credentials = parts.add(references.credentialsId(d, "credentialsId"));
        return parts.build(d, () -> new DatabaseSpec(url.value(), user.value(), password.value(), credentials.value()));
    }

    private Bound<NatsSpec> nats(Mapping n) {
        Parts parts = values.parts();
        Bound<Optional<String>> url = parts.add(references.envName(n, "urlEnv"));
        Bound<Optional<String>> credentials = parts.add(references.credentialsId(n, "credentialsId"));
        return parts.build(n, () -> new NatsSpec(url.value(), credentials.value()));
    }
}
