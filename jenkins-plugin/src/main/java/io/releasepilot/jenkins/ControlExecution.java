package io.releasepilot.jenkins;

import hudson.AbortException;
import hudson.model.Result;
import java.nio.file.Path;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jspecify.annotations.Nullable;

/** The operator steps: rollback, promote, pause, resume, abort of an environment's current release. */
final class ControlExecution extends ReleaseStepExecution {
    private static final long serialVersionUID = 1L;

    /** The operator operations and the state each one must reach. */
    enum Operation {
        ROLLBACK("rollback", ReleaseState.ROLLED_BACK),
        PROMOTE("promote", ReleaseState.PROMOTED),
        PAUSE("pause", ReleaseState.PAUSED),
        RESUME("resume", ReleaseState.RESUMED),
        ABORT("abort", ReleaseState.ABORTED);

        final String label;
        final ReleaseState reaches;

        Operation(String label, ReleaseState reaches) {
            this.label = label;
            this.reaches = reaches;
        }
    }

    private final Operation operation;
    private final @Nullable String spec;
    private final @Nullable String service;
    private final String environment;
    private final @Nullable String reason;

    ControlExecution(
            StepContext context,
            Operation operation,
            @Nullable String spec,
            @Nullable String service,
            String environment,
            @Nullable String reason) {
        super(context);
        this.operation = operation;
        this.spec = spec;
        this.service = service;
        this.environment = environment;
        this.reason = reason;
    }

    @Override
    protected Object run(Host host) throws Exception {
        String specPath = host.specPath(spec);
        WorkspaceFiles ws = host.workspaceIfAny();
        Path dir = ws == null ? null : ws.localDirectory(List.of(specPath));
        String why = reason == null
                ? operation.label + " requested by " + host.releaseContext().actor()
                : reason;
        ControlRequest request =
                new ControlRequest(dir, specPath, Texts.trimToNull(service), environment, why, host.releaseContext());
        ProgressLog log = host.progress();
        ReleaseOutcome o = switch (operation) {
            case ROLLBACK -> host.operations.rollback(request, log);
            case PROMOTE -> host.operations.promote(request, log);
            case PAUSE -> host.operations.pause(request, log);
            case RESUME -> host.operations.resume(request, log);
            case ABORT -> host.operations.abort(request, log);
        };
        host.badge(ReleaseBadgeAction.forRelease(o));
        host.summary(
                operation.label + " " + o.version() + " → " + o.environment() + ": " + o.state(), o.markdownReport());
        if (ResultMapping.forRelease(o.state(), operation.reaches) == Result.FAILURE) {
            throw new AbortException("Release Pilot: " + operation.label + " of " + o.environment()
                    + " did not take effect: the release is " + o.state());
        }
        host.log("Release Pilot: " + operation.label + " of " + o.environment() + ": " + o.state());
        return o.state().name();
    }

    @Override
    protected String describe() {
        return operation.label + " of " + environment;
    }
}
