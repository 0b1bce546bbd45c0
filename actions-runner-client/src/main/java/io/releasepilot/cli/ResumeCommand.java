package io.releasepilot.cli;

import io.releasepilot.core.state.AuditAction;
import picocli.CommandLine.Command;

/** {@code release-pilot resume}: Resume a paused release. */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description = "Resume a paused release.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:recorded", "2:bad input, or no release in progress", "3:infrastructure error"})
final class ResumeCommand extends OperatorCommand {
    @Override
    AuditAction action() {
        return AuditAction.RESUME;
    }
}
