package io.releasepilot.jenkins;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Input of the operator operations (rollback, pause, resume, abort): which release, and why.
 *
 * @param workspace the directory holding the spec, or null when the step runs outside a node (operator steps)
 * @param service the service, or null to read it from the spec
 */
public record ControlRequest(
        @Nullable Path workspace,
        String specPath,
        @Nullable String service,
        String environment,
        String reason,
        ReleaseContext context) {
    public ControlRequest {
        Objects.requireNonNull(specPath, "specPath");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(context, "context");
    }
}
