package io.releasepilot.cli;

import io.releasepilot.core.rollout.ReleaseEngine;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.RolloutRequest;
import io.releasepilot.core.state.EnvironmentLockedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options and the run shared by {@code canary} and {@code bluegreen}: start the release, or continue the one in
 * progress for the same version, print progress lines as they happen, then the outcome and the report.
 */
abstract class RolloutCommand implements Callable<Integer> {
    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "release-pilot.yml")
    Path specFile;

    @Option(names = "--environment", required = true, description = "environment to release to (declared in the spec)")
    String environment;

    @Option(names = "--release-version", required = true, paramLabel = "VERSION", description = "the new version")
    String releaseVersion;

    @Option(names = "--actor", description = "who releases (default: GITHUB_ACTOR, else USER)")
    String actor;

    @Option(
            names = "--takeover",
            description = "take the environment lock over from a crashed run (audited)",
            arity = "0..1",
            fallbackValue = "true")
    boolean takeover;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract ReleaseOutcome run(ReleaseEngine engine, RolloutRequest request);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ReleaseSession session = new ReleaseSession(specFile, environment, ReleasePilotCli.environmentOf(spec))) {
            ReleaseEngine engine = session.engine(progress -> {
                // JSON output stays one document on stdout; progress then goes to stderr.
                PrintWriter sink =
                        format == OutputFormat.json ? spec.commandLine().getErr() : out;
                sink.println(progress.line());
                sink.flush();
            });
            RolloutRequest request = new RolloutRequest(
                    session.service(),
                    environment,
                    releaseVersion,
                    session.actor(actor),
                    session.commitSha(),
                    null,
                    takeover);
            ReleaseOutcome outcome = run(engine, request);
            ReleaseOutput.outcome(out, format, outcome);
            return ReleaseOutput.exitCode(outcome);
        } catch (EnvironmentLockedException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCode.INFRASTRUCTURE.code();
        }
    }
}
