package io.releasepilot.core.state.postgres;

import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.ReleaseStoreContractTest;
import io.releasepilot.core.testing.LedgerDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The ledger contract against the real Postgres 15 of scripts/services, in a schema of its own. */
class PostgresReleaseStoreIT extends ReleaseStoreContractTest {
    private static PostgresReleaseStore store;

    @BeforeAll
    static void open() {
        store = PostgresReleaseStore.open(LedgerDatabases.freshSchema().withPoolSize(24));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected ReleaseStore store() {
        return store;
    }
}
