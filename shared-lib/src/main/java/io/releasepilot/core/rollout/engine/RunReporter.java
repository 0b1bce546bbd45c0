package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.RolloutProgress;
import io.releasepilot.core.rollout.SignalCheck;
import io.releasepilot.core.state.Release;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The progress lines of one strategy's run, each with the latest values and, if so, why it looks at no data. */
final class RunReporter {
    private final EnginePorts ports;
    private final UUID id;
    private final String strategy;
    private final int steps;
    private final Map<String, Double> latest;

    /** Why this release looks at no data, if so: said in every progress line. */
    private SignalCheck.@Nullable NoSignal noSignal;

    RunReporter(EnginePorts ports, UUID id, String strategy, int steps, Map<String, Double> latest) {
        this.ports = ports;
        this.id = id;
        this.strategy = strategy;
        this.steps = steps;
        this.latest = latest;
    }

    void noSignal(SignalCheck.NoSignal reason) {
        this.noSignal = reason;
    }

    void progress(Release current, Duration left, String message) {
        String line = noSignal == null ? message : message + " · " + noSignal.tag();
        ports.listener()
                .progress(new RolloutProgress(
                        id, strategy, current.currentStep(), steps, weight(current), left, latest, line));
    }

    /** The last progress line of a finished release, and its outcome. */
    ReleaseOutcome finished(Release release) {
        progress(
                release,
                Duration.ZERO,
                "release " + release.state() + (release.finishReason() == null ? "" : ": " + release.finishReason()));
        return ports.outcome(release);
    }

    private static int weight(Release release) {
        return release.weights() == null ? 0 : release.weights().canary();
    }
}
