package io.releasepilot.core.testing;

import io.releasepilot.core.state.StateStoreConfig;
import java.util.Locale;
import java.util.UUID;

/** Ledger configurations for tests: a fresh schema in the shared test Postgres, so test classes do not see each other. */
public final class LedgerDatabases {
    private LedgerDatabases() {}

    /** A config for the shared test Postgres with a new, unique schema (created by the first open). */
    public static StateStoreConfig freshSchema() {
        String password = TestServices.get("RP_PG_PASSWORD");
        return StateStoreConfig.server(
                        TestServices.get("RP_PG_URL"),
                        TestServices.get("RP_PG_USER"),
                        password.isEmpty() ? null : password)
                .withSchema(uniqueSchema());
    }

    public static String uniqueSchema() {
        return "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }
}
