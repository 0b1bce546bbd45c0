package io.releasepilot.cli;

import io.releasepilot.core.application.OperatorAction;
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
    OperatorAction.Operation operation() {
        return OperatorAction.Operation.RESUME;
    }
}
