package io.releasepilot.cli;

import io.releasepilot.core.application.OperatorAction;
import io.releasepilot.core.application.ReleaseSession;
import io.releasepilot.core.state.AuditEntry;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * {@code pause}, {@code resume}, {@code promote}, {@code abort}: an audited request on the release in progress; the
 * running engine acts on it at its next evaluation.
 */
abstract class OperatorCommand implements Callable<Integer> {
    @Mixin
    ReleaseOptions.Audited release;

    @CommandLine.Mixin
    LedgerOptions ledger;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract OperatorAction.Operation operation();

    @Override
    public Integer call() {
        Map<String, String> env = ReleasePilotCli.environmentOf(spec);
        try (ActionsStep step = ActionsStep.open(spec);
                ReleaseSession session = release.session(env, ledger.config(spec, step))) {
            OperatorAction.Acted acted =
                    new OperatorAction(session).perform(operation(), release.actor(env), release.reason);
            AuditEntry entry = acted.entry();
            ReleaseOutput.audit(spec.commandLine().getOut(), release.format, entry);
            if (step.active()) {
                step.output("result", "recorded");
                step.output("release-id", entry.releaseId().toString());
                step.output("environment", session.environment());
                step.output("state", acted.release().state().name());
                step.output("version", acted.release().version());
                step.summary("### Release Pilot: " + entry.action() + " recorded\n\n" + entry.action()
                        + " of release `" + entry.releaseId() + "` in `" + session.environment() + "` by "
                        + entry.actor().name()
                        + (entry.reason() == null ? "" : ": " + entry.reason()) + "\n");
            }
            return ExitCode.OK.code();
        }
    }
}
