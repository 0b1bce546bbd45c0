package io.releasepilot.jenkins;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Input of {@link ReleaseOperations#gate}.
 *
 * @param workspace a directory on the controller holding the spec and the reports (a copy when the workspace is on an
 *     agent)
 * @param reports Ant-style globs relative to the workspace; empty means "the sources the spec's objectives name"
 * @param specPath the spec, relative to the workspace
 * @param environment the target environment, or null for the spec's first one
 * @param bypass whether to bypass the gate should it not pass (audited; the build's user must be in the spec's
 *     {@code gates.bypass.authority})
 * @param reason why the gate is bypassed, or null
 */
public record GateRequest(
        Path workspace,
        List<String> reports,
        String specPath,
        @Nullable String environment,
        ReleaseContext context,
        boolean bypass,
        @Nullable String reason) {
    public GateRequest {
        Objects.requireNonNull(workspace, "workspace");
        reports = List.copyOf(reports);
        Objects.requireNonNull(specPath, "specPath");
        Objects.requireNonNull(context, "context");
    }

    /** A gate without a bypass. */
    public GateRequest(
            Path workspace,
            List<String> reports,
            String specPath,
            @Nullable String environment,
            ReleaseContext context) {
        this(workspace, reports, specPath, environment, context, false, null);
    }
}
