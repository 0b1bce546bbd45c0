package io.releasepilot.cli;

import io.releasepilot.cli.github.DeploymentRequest;
import io.releasepilot.cli.github.DeploymentState;
import io.releasepilot.cli.github.DeploymentStatusDecider;
import io.releasepilot.cli.github.DeploymentStatusRequest;
import io.releasepilot.cli.github.GitHubFacade;
import io.releasepilot.core.application.ReleaseSession;
import io.releasepilot.core.application.Rollout;
import io.releasepilot.core.rollout.ProgressListener;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.RolloutProgress;
import io.releasepilot.core.state.EnvironmentLockedException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options and the run shared by {@code canary} and {@code bluegreen}: start the release, or continue the one in
 * progress for the same version, print progress lines as they happen, then the outcome and the report. On GitHub
 * Actions it also writes the step outputs and summary and, with a token, reports through a GitHub Deployment.
 */
abstract class RolloutCommand implements Callable<Integer> {
    @Mixin
    ReleaseOptions.Acting release;

    @Option(names = "--release-version", required = true, paramLabel = "VERSION", description = "the new version")
    String releaseVersion;

    @Option(
            names = "--takeover",
            description = "take the environment lock over from a crashed run (audited)",
            arity = "0..1",
            fallbackValue = "true")
    boolean takeover;

    @Mixin
    DeploymentOptions deploymentOptions;

    @CommandLine.Mixin
    LedgerOptions ledger;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private @Nullable RolloutProgress lastProgress;
    private @Nullable Long deploymentId;
    private boolean deploymentTried;

    abstract ReleaseOutcome run(Rollout rollout, Rollout.Request request, ProgressListener listener);

    /** {@code canary} or {@code blue-green}, for the deployment's description and payload. */
    abstract String strategy();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> env = ReleasePilotCli.environmentOf(spec);
        OutputFormat format = release.format;
        String environment = release.environment;
        try (ActionsStep step = ActionsStep.open(spec);
                ReleaseSession session = release.session(env, ledger.config(spec, step))) {
            ProgressListener listener = progress -> {
                // JSON output stays one document on stdout; progress then goes to stderr.
                PrintWriter sink =
                        format == OutputFormat.json ? spec.commandLine().getErr() : out;
                sink.println(progress.line());
                sink.flush();
                lastProgress = progress;
                startDeployment(step, progress.releaseId());
            };
            Rollout rollout = new Rollout(session);
            Rollout.Request request = new Rollout.Request(
                    releaseVersion, release.actor(env), ReleaseOptions.Acting.commitSha(env), takeover);
            ReleaseOutcome outcome = format == OutputFormat.json
                    ? run(rollout, request, listener)
                    : step.group(
                            strategy() + " of " + releaseVersion + " to " + environment,
                            () -> run(rollout, request, listener));
            ReleaseOutput.outcome(out, format, outcome);
            if (step.active()) {
                finishDeployment(step, outcome);
                ReleaseOutput.actionsOutputs(step, outcome);
                step.output("deployment-id", deploymentId == null ? "" : deploymentId.toString());
                if (lastProgress != null) {
                    step.output("weight", Integer.toString(lastProgress.canaryWeight()));
                    step.output("step", lastProgress.step() + "/" + lastProgress.steps());
                }
                step.summary(outcome.report());
            }
            return ReleaseOutput.exitCode(outcome);
        } catch (EnvironmentLockedException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCode.INFRASTRUCTURE.code();
        }
    }

    /** Creates the deployment once the release id is known (first progress line, else the outcome). */
    private void startDeployment(ActionsStep step, UUID releaseId) {
        if (deploymentTried || !deploymentOptions.deployment || !step.active()) {
            return;
        }
        deploymentTried = true;
        String ref = !step.context().sha().isBlank()
                ? step.context().sha()
                : step.context().ref();
        if (ref.isBlank()) {
            step.warning("no GitHub Deployment: neither GITHUB_SHA nor GITHUB_REF is set");
            return;
        }
        step.github()
                .ifPresent(github -> step.call(
                                "create a deployment of " + ref + " to " + release.environment,
                                () -> github.createDeployment(new DeploymentRequest(
                                        ref,
                                        release.environment,
                                        "Release Pilot " + strategy() + " of " + releaseVersion,
                                        releaseId.toString(),
                                        Map.of("version", releaseVersion, "strategy", strategy()))))
                        .ifPresent(id -> {
                            deploymentId = id;
                            post(
                                    step,
                                    github,
                                    DeploymentState.IN_PROGRESS,
                                    strategy() + " of " + releaseVersion + " started");
                        }));
    }

    private void finishDeployment(ActionsStep step, ReleaseOutcome outcome) {
        startDeployment(step, outcome.releaseId());
        if (deploymentId == null) {
            return;
        }
        // success, or failure for a rollout that did not complete (rolled back, switched back, failed, aborted);
        // the deployment of the version still serving keeps its success (DeploymentStatusDecider).
        DeploymentStatusDecider.endOfRun(outcome.state())
                .ifPresent(state -> step.github()
                        .ifPresent(github -> post(step, github, state, outcome.state() + ": " + outcome.reason())));
    }

    private void post(ActionsStep step, GitHubFacade github, DeploymentState state, String description) {
        long id = deploymentId;
        step.run(
                "set status " + state + " on deployment " + id,
                () -> github.setDeploymentStatus(
                        id,
                        new DeploymentStatusRequest(
                                state, description, step.runUrl().orElse(""), deploymentOptions.environmentUrl)));
    }
}
