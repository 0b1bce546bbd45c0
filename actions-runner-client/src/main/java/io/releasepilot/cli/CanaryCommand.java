package io.releasepilot.cli;

import io.releasepilot.core.application.Rollout;
import io.releasepilot.core.rollout.ProgressListener;
import io.releasepilot.core.rollout.ReleaseOutcome;
import picocli.CommandLine.Command;

/** {@code release-pilot canary}: starts a canary release, or continues the one in progress for the same version. */
@Command(
        name = "canary",
        mixinStandardHelpOptions = true,
        description = "Start (or continue after a crash) a canary release: the spec's steps, analysis, rollback.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:promoted: the new version takes all traffic",
            "1:rolled back (trigger, failed analysis, abort) or failed",
            "2:bad input (spec, flags)",
            "3:infrastructure error, or the environment is locked by another release"
        })
final class CanaryCommand extends RolloutCommand {
    @Override
    ReleaseOutcome run(Rollout rollout, Rollout.Request request, ProgressListener listener) {
        return rollout.canary(request, listener);
    }

    @Override
    String strategy() {
        return "canary";
    }
}
