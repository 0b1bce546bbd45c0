package io.releasepilot.cli;

import io.releasepilot.cli.github.DeploymentRequest;
import io.releasepilot.cli.github.DeploymentState;
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
import picocli.CommandLine.Option;

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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--deployment",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "true",
            description = "on GitHub Actions with a token: mark the rolled-back version's GitHub Deployment inactive"
                    + " and record a deployment of the version now serving (default: ${DEFAULT-VALUE})")
    boolean deployment;

    @Option(
            names = "--environment-url",
            paramLabel = "URL",
            description = "where the environment answers, shown on the GitHub Deployment")
    String environmentUrl;

    @Override
    public Integer call() {
        Map<String, String> env = ReleasePilotCli.environmentOf(spec);
        try (ActionsStep step = ActionsStep.open(spec);
                ReleaseSession session = release.session(env)) {
            ManualRollback.RolledBack rolledBack = step.group(
                    "rollback of " + session.environment(),
                    () -> new ManualRollback(session).perform(release.actor(env), release.reason));
            ReleaseOutcome outcome = rolledBack.outcome();
            ReleaseOutput.outcome(spec.commandLine().getOut(), release.format, outcome);
            if (step.active()) {
                String deploymentId = deployment ? deployments(step, session, rolledBack.from(), outcome) : "";
                ReleaseOutput.actionsOutputs(step, outcome);
                step.output("deployment-id", deploymentId);
                step.summary(outcome.report());
            }
            return ExitCode.OK.code();
        }
    }

    /**
     * The GitHub side of a rollback: the newest deployment of the version rolled back from becomes {@code inactive};
     * the version now serving gets a deployment with status {@code success}. Returns that deployment's id, or "".
     */
    private String deployments(ActionsStep step, ReleaseSession session, Release from, ReleaseOutcome outcome) {
        Optional<GitHubFacade> github = step.github();
        if (github.isEmpty()) {
            return "";
        }
        GitHubFacade api = github.get();
        String runUrl = step.runUrl().orElse("");
        String environment = session.environment();
        String reason = release.reason;
        String fromSha = from.request().commitSha();
        if (fromSha != null && !fromSha.isBlank()) {
            step.call(
                            "find the deployment of " + fromSha + " in " + environment,
                            () -> api.latestDeployment(environment, fromSha).orElse(null))
                    .ifPresent(id -> step.run(
                            "mark deployment " + id + " inactive",
                            () -> api.setDeploymentStatus(
                                    id,
                                    new DeploymentStatusRequest(
                                            DeploymentState.INACTIVE,
                                            "rolled back: " + reason,
                                            runUrl,
                                            environmentUrl))));
        }
        UUID previousId = from.request().previousReleaseId();
        String servingSha = previousId == null
                ? null
                : session.store()
                        .find(previousId)
                        .map(release -> release.request().commitSha())
                        .orElse(null);
        if (servingSha == null || servingSha.isBlank()) {
            return "";
        }
        return step.call(
                        "create a deployment of " + servingSha + " to " + environment,
                        () -> api.createDeployment(new DeploymentRequest(
                                servingSha,
                                environment,
                                "Release Pilot rollback to " + outcome.version(),
                                outcome.releaseId().toString(),
                                Map.of("strategy", "rollback", "from", from.version()))))
                .map(id -> {
                    step.run(
                            "set status success on deployment " + id,
                            () -> api.setDeploymentStatus(
                                    id,
                                    new DeploymentStatusRequest(
                                            DeploymentState.SUCCESS,
                                            "rolled back from " + from.version() + ": " + reason,
                                            runUrl,
                                            environmentUrl)));
                    return id.toString();
                })
                .orElse("");
    }
}
