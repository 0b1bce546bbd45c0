package io.releasepilot.jenkins;

import hudson.AbortException;
import hudson.model.Result;
import java.util.Objects;
import java.util.UUID;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jspecify.annotations.Nullable;

/**
 * A long rollout (canary, blue-green): the release id is chosen and saved with the program state before any work,
 * so after a restart {@link #resume} continues the same release from the ledger, and a build abort stops it (the core
 * rolls back when the spec's rollback.onAbort says so).
 */
abstract class RolloutExecution extends ReleaseStepExecution {
    private static final long serialVersionUID = 1L;

    private final @Nullable String spec;
    private final String environment;
    private final @Nullable String version;
    private @Nullable String releaseId;

    RolloutExecution(StepContext context, @Nullable String spec, String environment, @Nullable String version) {
        super(context);
        this.spec = spec;
        this.environment = environment;
        this.version = version;
    }

    protected abstract String title();

    protected abstract RolloutRequest.Kind kind();

    @Override
    public boolean start() {
        releaseId = UUID.randomUUID().toString();
        context().saveState();
        return super.start();
    }

    @Nullable
    String releaseId() {
        return releaseId;
    }

    @Override
    protected Object run(Host host) throws Exception {
        host.log("Release Pilot: " + title() + " to " + environment + " (release " + releaseId + ")");
        return finish(host, onAgent(host, AgentTasks.Phase.START, null));
    }

    @Override
    protected Object resume(Host host) throws Exception {
        return finish(host, onAgent(host, AgentTasks.Phase.CONTINUE, null));
    }

    /**
     * Authorizes the job on the controller, then runs the phase on the agent holding the workspace. The task is
     * rebuilt from the persisted fields and the build's context, so it is the same after a restart.
     */
    private ReleaseOutcome onAgent(Host host, AgentTasks.Phase phase, @Nullable String reason) throws Exception {
        String specPath = host.specPath(spec);
        AgentWorkspace agent = host.agent(title());
        String service = host.authorize(agent, specPath, null, environment);
        return agent.call(new AgentTasks.Rollout(
                host.operations,
                phase,
                Objects.requireNonNull(releaseId, "releaseId"),
                specPath,
                environment,
                version,
                host.releaseContext(),
                kind(),
                reason,
                service));
    }

    @Override
    protected void stopped(Host host, String reason) throws Exception {
        ReleaseOutcome o = onAgent(host, AgentTasks.Phase.STOP, "build aborted: " + reason);
        record(host, o);
        host.log("Release Pilot: build aborted; release " + releaseId + " is " + o.state());
    }

    @Override
    protected String describe() {
        return title() + " to " + environment + " (release " + releaseId + ")";
    }

    private Object finish(Host host, ReleaseOutcome o) throws AbortException {
        record(host, o);
        if (ResultMapping.forRelease(o.state(), ReleaseState.COMPLETED) == Result.FAILURE) {
            throw new AbortException("Release Pilot: " + title() + " of " + o.version() + " to " + o.environment()
                    + " ended " + o.state());
        }
        host.log("Release Pilot: " + title() + " of " + o.version() + " to " + o.environment() + " completed");
        return o.state().name();
    }

    private void record(Host host, ReleaseOutcome o) {
        host.badge(ReleaseBadgeAction.forRelease(o));
        host.summary(title() + " " + o.version() + " → " + o.environment() + ": " + o.state(), o.markdownReport());
    }
}
