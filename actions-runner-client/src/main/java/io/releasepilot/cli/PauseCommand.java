package io.releasepilot.cli;

import io.releasepilot.core.application.OperatorAction;
import picocli.CommandLine.Command;

/** {@code release-pilot pause}: Pause the canary in progress (triggers still roll back). */
@Command(
        name = "pause",
        mixinStandardHelpOptions = true,
        description = "Pause the canary in progress (triggers still roll back).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:recorded", "2:bad input, or no release in progress", "3:infrastructure error"})
final class PauseCommand extends OperatorCommand {
    @Override
    OperatorAction.Operation operation() {
        return OperatorAction.Operation.PAUSE;
    }
}
