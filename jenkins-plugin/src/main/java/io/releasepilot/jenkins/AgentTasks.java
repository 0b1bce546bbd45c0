package io.releasepilot.jenkins;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.spec.SpecReader;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The work the steps ship to the agent ({@link AgentWorkspace#call}): each task rebuilds its request there, with the
 * agent's own workspace directory, and calls the operations in the agent's JVM. Fields are Strings, records of Strings
 * and the operations (serializable in production: settings and the build's bound secrets, resolved on the
 * controller from Jenkins Credentials).
 */
final class AgentTasks {
    private AgentTasks() {}

    /** The spec's service, read on the agent so the controller can decide who may act on it. */
    record SpecService(String specPath) implements AgentTask<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String run(Path workspace, ProgressLog log) {
            return read(workspace, specPath);
        }

        static String read(Path workspace, String specPath) {
            return SpecReader.readFile(WorkspacePaths.resolve(workspace, specPath, "spec path"))
                    .value()
                    .spec()
                    .service();
        }
    }

    /** What a rollout task does: start the step's release, continue it after a restart, or stop it on an abort. */
    enum Phase {
        START,
        CONTINUE,
        STOP
    }

    /** A canary or blue-green release, or its continuation or stop, on the agent. */
    record Rollout(
            ReleaseOperations ops,
            Phase phase,
            String releaseId,
            String specPath,
            String environment,
            @Nullable String version,
            ReleaseContext context,
            RolloutRequest.Kind kind,
            @Nullable String reason,
            @Nullable String authorizedService)
            implements AgentTask<ReleaseOutcome> {
        private static final long serialVersionUID = 1L;

        @Override
        public ReleaseOutcome run(Path workspace, ProgressLog log) throws InterruptedException {
            checkService(workspace, specPath, authorizedService);
            RolloutRequest request =
                    new RolloutRequest(releaseId, workspace, specPath, environment, version, context, kind);
            return switch (phase) {
                case START ->
                    kind == RolloutRequest.Kind.BLUE_GREEN ? ops.blueGreen(request, log) : ops.canary(request, log);
                case CONTINUE -> ops.continueRelease(request, log);
                case STOP -> ops.stopForBuildAbort(request, reason == null ? "build aborted" : reason, log);
            };
        }
    }

    /** The quality gate on the agent's workspace reports. */
    record Gate(
            ReleaseOperations ops,
            List<String> reports,
            String specPath,
            @Nullable String environment,
            ReleaseContext context,
            boolean bypass,
            @Nullable String reason,
            @Nullable String authorizedService)
            implements AgentTask<GateOutcome> {
        private static final long serialVersionUID = 1L;

        Gate {
            reports = List.copyOf(reports);
        }

        @Override
        public GateOutcome run(Path workspace, ProgressLog log) throws InterruptedException {
            checkService(workspace, specPath, authorizedService);
            return ops.gate(new GateRequest(workspace, reports, specPath, environment, context, bypass, reason), log);
        }
    }

    /** An operator action (rollback, promote, pause, resume, abort) with the workspace's spec, on the agent. */
    record Control(
            ReleaseOperations ops,
            ControlExecution.Operation operation,
            String specPath,
            @Nullable String service,
            String environment,
            String reason,
            ReleaseContext context,
            @Nullable String authorizedService)
            implements AgentTask<ReleaseOutcome> {
        private static final long serialVersionUID = 1L;

        @Override
        public ReleaseOutcome run(Path workspace, ProgressLog log) throws InterruptedException {
            if (service == null) {
                checkService(workspace, specPath, authorizedService);
            }
            return act(
                    ops,
                    operation,
                    new ControlRequest(workspace, specPath, service, environment, reason, context),
                    log);
        }
    }

    /** The operator operation's call on the operations, wherever they run. */
    static ReleaseOutcome act(
            ReleaseOperations ops, ControlExecution.Operation operation, ControlRequest request, ProgressLog log)
            throws InterruptedException {
        return switch (operation) {
            case ROLLBACK -> ops.rollback(request, log);
            case PROMOTE -> ops.promote(request, log);
            case PAUSE -> ops.pause(request, log);
            case RESUME -> ops.resume(request, log);
            case ABORT -> ops.abort(request, log);
        };
    }

    /**
     * The spec may have changed between the controller's decision and this task: act only on the service that was
     * authorized.
     */
    private static void checkService(Path workspace, String specPath, @Nullable String authorizedService) {
        if (authorizedService == null) {
            return;
        }
        String now = SpecService.read(workspace, specPath);
        if (!now.equals(authorizedService)) {
            throw new InvalidInputException("the spec " + specPath + " now names service '" + now + "', not '"
                    + authorizedService + "' which this build was authorized for: run the build again");
        }
    }
}
