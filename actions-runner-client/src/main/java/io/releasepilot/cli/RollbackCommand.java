package io.releasepilot.cli;

import io.releasepilot.core.rollout.ReleaseEngine;
import io.releasepilot.core.rollout.ReleaseOutcome;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "release-pilot.yml")
    Path specFile;

    @Option(names = "--environment", required = true, description = "environment to roll back")
    String environment;

    @Option(names = "--reason", required = true, description = "why (kept in the ledger and the event)")
    String reason;

    @Option(names = "--actor", description = "who rolls back (default: GITHUB_ACTOR, else USER)")
    String actor;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (ReleaseSession session = new ReleaseSession(specFile, environment, ReleasePilotCli.environmentOf(spec))) {
            ReleaseOutcome outcome = ReleaseEngine.rollback(
                    session.store(), session.router(), session.service(), environment, session.actor(actor), reason);
            ReleaseOutput.outcome(spec.commandLine().getOut(), format, outcome);
            return ExitCode.OK.code();
        }
    }
}
