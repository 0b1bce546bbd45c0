package io.releasepilot.cli;

import io.releasepilot.core.rollout.ReleaseEngine;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.AuditEntry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code pause}, {@code resume}, {@code promote}, {@code abort}: an audited request on the release in progress; the
 * running engine acts on it at its next evaluation.
 */
abstract class OperatorCommand implements Callable<Integer> {
    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "release-pilot.yml")
    Path specFile;

    @Option(names = "--environment", required = true, description = "environment of the release in progress")
    String environment;

    @Option(names = "--reason", required = true, description = "why (kept in the audit trail)")
    String reason;

    @Option(names = "--actor", description = "who acts (default: GITHUB_ACTOR, else USER)")
    String actor;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @CommandLine.Mixin
    LedgerOptions ledger;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract AuditAction action();

    @Override
    public Integer call() {
        try (ActionsStep step = ActionsStep.open(spec);
                ReleaseSession session = new ReleaseSession(
                        specFile, environment, ReleasePilotCli.environmentOf(spec), ledger.config(spec, step))) {
            AuditEntry entry = ReleaseEngine.act(
                    session.store(), session.service(), environment, action(), session.actor(actor), reason);
            ReleaseOutput.audit(spec.commandLine().getOut(), format, entry);
            if (step.active()) {
                step.output("result", "recorded");
                step.output("release-id", entry.releaseId().toString());
                step.output("environment", environment);
                session.store().find(entry.releaseId()).ifPresent(release -> {
                    step.output("state", release.state().name());
                    step.output("version", release.version());
                });
                step.summary("### Release Pilot: " + entry.action() + " recorded\n\n" + entry.action()
                        + " of release `" + entry.releaseId() + "` in `" + environment + "` by "
                        + entry.actor().name()
                        + (entry.reason() == null ? "" : ": " + entry.reason()) + "\n");
            }
            return ExitCode.OK.code();
        }
    }
}
