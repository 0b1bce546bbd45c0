package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.rollout.VersionCheck;
import io.releasepilot.core.rollout.VersionCheckDecider;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.VersionChecked;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The version check before the release's first traffic change: every server of the target must show the version
 * being released ({@link VersionCheckDecider}). Checked once per release: a run that finds a passed check, or traffic
 * already moved by an earlier run, does not check again.
 */
final class VersionGate {
    private final EnginePorts ports;
    private final UUID id;
    private final RunReporter reporter;
    private boolean cleared;

    VersionGate(EnginePorts ports, UUID id, RunReporter reporter) {
        this.ports = ports;
        this.id = id;
        this.reporter = reporter;
    }

    /** Empty when traffic may move; else why the release is refused (the versions seen). */
    Optional<String> refusal(Release current) {
        if (cleared || ports.verify().versionCheck().isEmpty() || checkedBefore()) {
            cleared = true;
            return Optional.empty();
        }
        VersionCheck check = ports.verify().versionCheck().get();
        List<VersionCheckDecider.ServerAnswer> answers = new ArrayList<>();
        // Servers the check lists win; else the target slot's pool as the router knows it (NGINX/command addresses).
        List<String> pool = ports.verify().slotServers().isEmpty()
                ? ports.router().addressesOf(ports.router().slots().targetServers())
                : ports.verify().slotServers();
        for (VersionCheck.Target target : check.targets(pool)) {
            answers.add(new VersionCheckDecider.ServerAnswer(
                    target, ports.verify().serverVersions().fetch(target.url(), check.timeout())));
        }
        VersionCheckDecider.Result result = VersionCheckDecider.decide(check, current.version(), answers);
        ports.record(
                id,
                current.currentStep(),
                new VersionChecked(
                        result.expected(),
                        result.verdict(),
                        result.reason(),
                        result.seen().stream()
                                .map(s -> new VersionChecked.Server(s.server(), s.url(), s.observed(), s.problem()))
                                .toList()));
        reporter.progress(current, Duration.ZERO, result.reason());
        if (result.passed()) {
            cleared = true;
            return Optional.empty();
        }
        return Optional.of(result.reason());
    }

    private boolean checkedBefore() {
        for (ReleaseStep step : ports.store().steps(id)) {
            StepDetail detail = step.step().detail();
            if (detail instanceof StepDetail.TrafficApplied
                    || (detail instanceof VersionChecked check && check.passed())) {
                return true;
            }
        }
        return false;
    }
}
