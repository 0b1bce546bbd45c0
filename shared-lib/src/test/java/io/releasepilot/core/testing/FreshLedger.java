package io.releasepilot.core.testing;

import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One ledger for a test class: a fresh schema in the shared test Postgres, opened before the class's first test and
 * closed after its last. Register it as a static field with {@code @RegisterExtension}.
 */
public final class FreshLedger implements BeforeAllCallback, AfterAllCallback {
    private PostgresReleaseStore store;

    @Override
    public void beforeAll(ExtensionContext context) {
        store = PostgresReleaseStore.open(LedgerDatabases.freshSchema());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (store != null) {
            store.close();
        }
    }

    /** The class's ledger. */
    public PostgresReleaseStore store() {
        if (store == null) {
            throw new IllegalStateException("the ledger opens before the class's first test; register it static");
        }
        return store;
    }
}
