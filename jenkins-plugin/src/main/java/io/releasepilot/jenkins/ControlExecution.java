package io.releasepilot.jenkins;

import hudson.AbortException;
import hudson.model.Result;
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

    /**
     * Authorizes the job on the controller, then acts: on the agent holding the workspace when there is one (the spec's
     * router and hooks run there); without a workspace only the ledger-only requests (promote, pause, resume, abort of
     * a named service) run, and a rollback, which moves traffic, is refused.
     */
    @Override
    protected Object run(Host host) throws Exception {
        String specPath = host.specPath(spec);
        AgentWorkspace agent = operation == Operation.ROLLBACK ? host.agent("releaseRollback") : host.agentIfAny();
        String named = Texts.trimToNull(service);
        String authorized = host.authorize(agent, specPath, named, environment);
        String why = reason == null
                ? operation.label + " requested by " + host.releaseContext().actor()
                : reason;
        ReleaseOutcome o = agent != null
                ? agent.call(new AgentTasks.Control(
                        host.operations,
                        operation,
                        specPath,
                        named,
                        environment,
                        why,
                        host.releaseContext(),
                        authorized))
                : AgentTasks.act(
                        host.operations,
                        operation,
                        new ControlRequest(null, specPath, named, environment, why, host.releaseContext()),
                        host.progress());
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
