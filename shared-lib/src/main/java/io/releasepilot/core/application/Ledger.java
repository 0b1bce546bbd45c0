package io.releasepilot.core.application;

import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a host reaches the release ledger: opened only when a use case needs it (a gate without an environment never
 * does), and closed by whoever opened it. A host may have none configured (Jenkins without a database URL); a use case
 * that cannot run without it then fails with the host's own instructions.
 */
public final class Ledger {
    private final Supplier<Optional<ReleaseStore>> opener;
    private final boolean owned;
    private final String missing;

    private Ledger(Supplier<Optional<ReleaseStore>> opener, boolean owned, String missing) {
        this.opener = opener;
        this.owned = owned;
        this.missing = Objects.requireNonNull(missing, "missing");
    }

    /** The Postgres ledger {@code config} points to (a server, or the embedded database), opened on first use. */
    public static Ledger postgres(StateStoreConfig config) {
        Objects.requireNonNull(config, "config");
        return postgres(() -> config);
    }

    /**
     * The Postgres ledger of the settings {@code config} reads when the ledger is first needed, so a bad setting fails
     * only the use cases that need the ledger (a gate that records nothing never reads it).
     */
    public static Ledger postgres(Supplier<StateStoreConfig> config) {
        Objects.requireNonNull(config, "config");
        return new Ledger(() -> Optional.of(PostgresReleaseStore.open(config.get())), true, "no release ledger");
    }

    /** No ledger: use cases that need one fail with {@code howToConfigure}, those that can do without skip it. */
    public static Ledger none(String howToConfigure) {
        return new Ledger(Optional::empty, true, howToConfigure);
    }

    /** A ledger the caller opened and closes itself (the demo runs two releases and then prints the ledger). */
    public static Ledger shared(ReleaseStore store) {
        Objects.requireNonNull(store, "store");
        return new Ledger(() -> Optional.of(store), false, "no release ledger");
    }

    /** Opens the ledger; empty when the host has none configured. */
    public Optional<ReleaseStore> open() {
        return opener.get();
    }

    /** What the user must do when a use case needs the ledger and there is none. */
    public String howToConfigure() {
        return missing;
    }

    /** Closes a store {@link #open()} returned, unless the caller shares it. */
    public void close(ReleaseStore store) {
        if (owned) {
            store.close();
        }
    }
}
