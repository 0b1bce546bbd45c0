package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.rollout.RolloutRequest;
import io.releasepilot.core.state.EnvironmentLockedException;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StepDetail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the release to run: the one in progress for service + environment when it has the same version and strategy
 * (its lock taken over when {@code takeover} is asked, audited; or, for the same actor, once its previous run has
 * stopped writing to the ledger for three analysis intervals), else a new one. Anything else holding the environment
 * gets {@link EnvironmentLockedException} naming the holder.
 */
final class ReleaseOpener {
    private final EnginePorts ports;

    ReleaseOpener(EnginePorts ports) {
        this.ports = ports;
    }

    Release open(RolloutRequest request, ReleaseStrategy strategy) {
        ReleaseStore store = ports.store();
        Optional<Release> held = store.inProgress(request.service(), request.environment());
        if (held.isPresent()) {
            Release release = held.get();
            boolean same = release.version().equals(request.version())
                    && release.request().strategy() == strategy;
            if (same && request.takeover()) {
                Release taken = store.takeOver(
                        request.service(),
                        request.environment(),
                        request.actor(),
                        "continue release " + release.id() + " from step " + release.currentStep());
                ports.record(
                        taken.id(),
                        taken.currentStep(),
                        new StepDetail.Resumed(request.actor().name(), true));
                return taken;
            }
            if (same
                    && release.lockHolder()
                            .actor()
                            .name()
                            .equals(request.actor().name())
                    && holderStopped(release)) {
                ports.record(
                        release.id(),
                        release.currentStep(),
                        new StepDetail.Resumed(request.actor().name(), false));
                return release;
            }
            if (same || !request.takeover()) {
                throw new EnvironmentLockedException(request.service(), request.environment(), release.lockHolder());
            }
        }
        UUID previous = store.lastSuccessful(request.service(), request.environment())
                .map(Release::id)
                .orElse(null);
        ReleaseRequest start = new ReleaseRequest(
                request.service(),
                request.environment(),
                request.version(),
                request.commitSha(),
                null,
                strategy,
                request.actor(),
                request.specHash(),
                previous,
                null);
        Optional<String> lastGood =
                store.lastSuccessful(request.service(), request.environment()).map(Release::version);
        Release started = store.start(
                start,
                request.takeover()
                        ? StartOptions.takeover("release " + request.version() + " by "
                                + request.actor().name() + " takes the environment over")
                        : StartOptions.failFast());
        // Every release deploys to the target (idle) slot; the live one keeps serving the last good version.
        ports.slots().opened(started, lastGood);
        return started;
    }

    /** Waits up to the staleness limit for the holder's ledger writes to stop; true when they did. */
    private boolean holderStopped(Release release) {
        Duration limit = ports.plan().analysisInterval().multipliedBy(3).plusSeconds(2);
        Instant deadline = ports.clock().instant().plus(limit).plus(limit);
        while (true) {
            List<ReleaseStep> steps = ports.store().steps(release.id());
            Instant last = steps.isEmpty()
                    ? release.startedAt()
                    : steps.get(steps.size() - 1).recordedAt();
            Instant now = ports.clock().instant();
            if (Duration.between(last, now).compareTo(limit) > 0) {
                return true;
            }
            if (now.isAfter(deadline)) {
                return false;
            }
            try {
                ports.sleeper().sleep(Duration.ofMillis(500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
