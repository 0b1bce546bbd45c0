package io.releasepilot.cli;

import io.releasepilot.core.application.Rollout;
import io.releasepilot.core.rollout.ProgressListener;
import io.releasepilot.core.rollout.ReleaseOutcome;
import picocli.CommandLine.Command;

/** {@code release-pilot bluegreen}: deploy green, smoke-check, switch, watch, keep blue, retire blue. */
@Command(
        name = "bluegreen",
        aliases = "blue-green",
        mixinStandardHelpOptions = true,
        description = "Start (or continue after a crash) a blue-green release: deploy, smoke checks, switch, watch.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:green is live",
            "1:switched back, or green never went live (deploy or smoke checks failed)",
            "2:bad input (spec, flags)",
            "3:infrastructure error, or the environment is locked by another release"
        })
final class BlueGreenCommand extends RolloutCommand {
    @Override
    ReleaseOutcome run(Rollout rollout, Rollout.Request request, ProgressListener listener) {
        return rollout.blueGreen(request, listener);
    }

    @Override
    String strategy() {
        return "blue-green";
    }
}
