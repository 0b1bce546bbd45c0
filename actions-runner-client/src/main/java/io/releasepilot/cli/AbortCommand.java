package io.releasepilot.cli;

import io.releasepilot.core.application.OperatorAction;
import picocli.CommandLine.Command;

/** {@code release-pilot abort}: Abort the release in progress: the running engine rolls back. */
@Command(
        name = "abort",
        mixinStandardHelpOptions = true,
        description = "Abort the release in progress: the running engine rolls back.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:recorded", "2:bad input, or no release in progress", "3:infrastructure error"})
final class AbortCommand extends OperatorCommand {
    @Override
    OperatorAction.Operation operation() {
        return OperatorAction.Operation.ABORT;
    }
}
