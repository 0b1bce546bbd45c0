package io.releasepilot.jenkins;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A finished build that released, recorded as release context in the ledger.
 *
 * @param result Jenkins' result name: SUCCESS, UNSTABLE, FAILURE, ABORTED, NOT_BUILT
 * @param releaseId the ledger release the build's last release step acted on (from its badge), or null (a gate)
 */
public record BuildRecord(
        ReleaseContext context, String result, @Nullable String releaseId) {
    public BuildRecord {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(result, "result");
    }
}
