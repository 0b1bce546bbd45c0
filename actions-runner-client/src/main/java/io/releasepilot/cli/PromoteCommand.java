package io.releasepilot.cli;

import io.releasepilot.core.application.OperatorAction;
import picocli.CommandLine.Command;

/** {@code release-pilot promote}: Skip the remaining analysis: all traffic to the new version. */
@Command(
        name = "promote",
        mixinStandardHelpOptions = true,
        description = "Skip the remaining analysis: all traffic to the new version.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:recorded", "2:bad input, or no release in progress", "3:infrastructure error"})
final class PromoteCommand extends OperatorCommand {
    @Override
    OperatorAction.Operation operation() {
        return OperatorAction.Operation.PROMOTE;
    }
}
