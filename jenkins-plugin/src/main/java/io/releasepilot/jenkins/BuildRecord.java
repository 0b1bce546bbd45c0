package io.releasepilot.jenkins;

import java.util.Objects;

/**
 * A finished build that released, recorded as release context in the ledger.
 *
 * @param result Jenkins' result name: SUCCESS, UNSTABLE, FAILURE, ABORTED, NOT_BUILT
 */
public record BuildRecord(ReleaseContext context, String result) {
    public BuildRecord {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(result, "result");
    }
}
