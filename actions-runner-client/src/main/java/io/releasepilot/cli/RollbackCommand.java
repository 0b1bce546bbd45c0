package io.releasepilot.cli;

import io.releasepilot.cli.github.DeploymentRequest;
import io.releasepilot.cli.github.DeploymentState;
import io.releasepilot.cli.github.DeploymentStatusDecider;
import io.releasepilot.cli.github.DeploymentStatusRequest;
import io.releasepilot.cli.github.GitHubFacade;
import io.releasepilot.core.application.ManualRollback;
import io.releasepilot.core.application.ReleaseSession;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.state.Release;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code release-pilot rollback}: all traffic back to the stable side now: the release in progress is rolled back, or
 * else the last successful release is left for the one before it. Recorded in the ledger with the reason.
 */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = "Roll back now: the release in progress, or else to the previous successful release.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rolled back", "2:bad input, or nothing to roll back to", "3:infrastructure error"})
final class RollbackCommand implements Callable<Integer> {
    @Mixin
    ReleaseOptions.Audited release;

    @CommandLine.Mixin
    LedgerOptions ledger;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DeploymentOptions deploymentOptions;

    @Override
    public Integer call() {
        Map<String, String> env = ReleasePilotCli.environmentOf(spec);
        try (ActionsStep step = ActionsStep.open(spec);
                ReleaseSession session = release.session(env, ledger.config(spec, step))) {
            ManualRollback.RolledBack rolledBack = step.group(
                    "rollback of " + session.environment(),
                    () -> new ManualRollback(session).perform(release.actor(env), release.reason));
            ReleaseOutcome outcome = rolledBack.outcome();
            ReleaseOutput.outcome(spec.commandLine().getOut(), release.format, outcome);
            if (step.active()) {
                String deploymentId =
                        deploymentOptions.deployment ? deployments(step, session, rolledBack.from(), outcome) : "";
                ReleaseOutput.actionsOutputs(step, outcome);
                step.output("deployment-id", deploymentId);
                step.summary(outcome.report());
            }
            return ExitCode.OK.code();
        }
    }

    /**
     * The GitHub side of a rollback, in GitHub's order: first the version now serving gets a new deployment with
     * status {@code success}; then the newest deployment of the version rolled back from gets {@code inactive} if that
     * release had completed, or {@code failure} if it was still rolling out ({@link DeploymentStatusDecider}). The
     * {@code inactive} is posted explicitly because GitHub's {@code auto_inactive} skips production environments.
     * Returns the new deployment's id, or "".
     */
    private String deployments(ActionsStep step, ReleaseSession session, Release rolledBack, ReleaseOutcome outcome) {
        Optional<GitHubFacade> github = step.github();
        if (github.isEmpty()) {
            return "";
        }
        GitHubFacade api = github.get();
        String runUrl = step.runUrl().orElse("");
        String environment = session.environment();
        String reason = release.reason;
        UUID previousId = rolledBack.request().previousReleaseId();
        Optional<Release> serving =
                previousId == null ? Optional.empty() : session.store().find(previousId);
        String servingSha =
                serving.map(release -> release.request().commitSha()).orElse(null);
        String servingVersion = serving.map(Release::version).orElse(outcome.version());
        String deploymentId = "";
        if (servingSha != null && !servingSha.isBlank()) {
            deploymentId = step.call(
                            "create a deployment of " + servingSha + " to " + environment,
                            () -> api.createDeployment(new DeploymentRequest(
                                    servingSha,
                                    environment,
                                    "Release Pilot rollback to " + servingVersion,
                                    outcome.releaseId().toString(),
                                    Map.of("strategy", "rollback", "from", rolledBack.version()))))
                    .map(id -> {
                        step.run(
                                "set status success on deployment " + id,
                                () -> api.setDeploymentStatus(
                                        id,
                                        new DeploymentStatusRequest(
                                                DeploymentState.SUCCESS,
                                                "rolled back from " + rolledBack.version() + ": " + reason,
                                                runUrl,
                                                deploymentOptions.environmentUrl)));
                        return id.toString();
                    })
                    .orElse("");
        }
        String fromSha = rolledBack.request().commitSha();
        if (fromSha != null && !fromSha.isBlank()) {
            DeploymentState state = DeploymentStatusDecider.rolledBack(rolledBack.state());
            String description =
                    (state == DeploymentState.FAILURE ? "rolled back during its rollout: " : "rolled back: ") + reason;
            step.call(
                            "find the deployment of " + fromSha + " in " + environment,
                            () -> api.latestDeployment(environment, fromSha).orElse(null))
                    .ifPresent(id -> step.run(
                            "set status " + state + " on deployment " + id,
                            () -> api.setDeploymentStatus(
                                    id,
                                    new DeploymentStatusRequest(
                                            state, description, runUrl, deploymentOptions.environmentUrl))));
        }
        return deploymentId;
    }
}
