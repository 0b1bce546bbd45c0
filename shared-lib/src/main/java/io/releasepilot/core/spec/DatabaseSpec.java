package io.releasepilot.core.spec;

import java.util.Optional;

/**
 * The ledger database. Unset {@code urlEnv}: an embedded Postgres under {@code .release-pilot/}.
 *
 * @param credentialsId a Jenkins credentials ID (username/password)
 */
public record DatabaseSpec(
        Optional<String> urlEnv,
        Optional<String> userEnv,
        Optional<String> passwordEnv,
        Optional<String> credentialsId) {
    public DatabaseSpec {
        Require.optional(urlEnv, "urlEnv");
        Require.optional(userEnv, "userEnv");
        Require.optional(passwordEnv, "passwordEnv");
        Require.optional(credentialsId, "credentialsId");
    }

    /** No settings: the embedded database. */
    public static DatabaseSpec embedded() {
        return new DatabaseSpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
