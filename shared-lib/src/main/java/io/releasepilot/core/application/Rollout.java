package io.releasepilot.core.application;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.rollout.ProgressListener;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.RolloutRequest;
import io.releasepilot.core.rollout.engine.ReleaseEngine;
import io.releasepilot.core.spec.AbortAction;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.DeploymentRecord;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.StepDetail;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Start a canary or blue-green release, or continue the one in progress for the same version (after a crash, from the
 * step the ledger recorded, once the router is reconciled), and run it to its end. For a {@link HostRun} it also finds
 * the run's own release again after a restart, and stops that release when the host aborts the run.
 */
public final class Rollout {
    /** How far back a restarted host run looks for the release it started. */
    static final Duration OWN_RELEASE_LOOKBACK = Duration.ofDays(30);

    /**
     * What to release, by whom.
     *
     * @param version the new version
     * @param actor who releases, from which CI run
     * @param commitSha the commit released, if known
     * @param takeover take the environment lock over from a crashed run (audited)
     */
    public record Request(
            String version, Actor actor, @Nullable String commitSha, boolean takeover) {
        public Request {
            if (version == null || version.isBlank()) {
                throw new InvalidInputException("a release needs a version (--release-version)");
            }
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** How a host's abort of its run left the run's release. */
    public enum Stop {
        /** The run had not started a release yet: nothing changed. */
        NOT_STARTED,
        /** The release had already ended; it is reported as it is. */
        ALREADY_ENDED,
        /** The spec says {@code rollback.onAbort: rollback}: the release was rolled back. */
        ROLLED_BACK,
        /** The spec says {@code rollback.onAbort: leave}: the release is paused with its traffic as it is. */
        LEFT
    }

    /**
     * The result of stopping a host run's release.
     *
     * @param stop what was done
     * @param outcome the release afterwards; empty for {@link Stop#NOT_STARTED}
     */
    public record Stopped(Stop stop, Optional<ReleaseOutcome> outcome) {
        public Stopped {
            Objects.requireNonNull(stop, "stop");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    private final ReleaseSession session;

    public Rollout(ReleaseSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** Runs a canary release to its end: promoted, rolled back, or failed. */
    public ReleaseOutcome canary(Request request, ProgressListener listener) {
        return run(ReleaseStrategy.CANARY, request, listener);
    }

    /** Runs a blue-green release to its end: green live, switched back, or failed before the switch. */
    public ReleaseOutcome blueGreen(Request request, ProgressListener listener) {
        return run(ReleaseStrategy.BLUE_GREEN, request, listener);
    }

    /** Runs a release of {@code strategy} (canary or blue-green) to its end. */
    public ReleaseOutcome run(ReleaseStrategy strategy, Request request, ProgressListener listener) {
        if (strategy != ReleaseStrategy.CANARY && strategy != ReleaseStrategy.BLUE_GREEN) {
            throw new InvalidInputException(
                    "a " + strategy + " release is not rolled out step by step: use canary or blue-green");
        }
        RolloutRequest core = new RolloutRequest(
                session.service(),
                session.environment(),
                request.version(),
                request.actor(),
                request.commitSha(),
                session.specHash(),
                request.takeover());
        ReleaseEngine engine = session.engine(listener);
        return strategy == ReleaseStrategy.CANARY ? engine.canary(core) : engine.blueGreen(core);
    }

    /**
     * Runs the host run's release: a release the run already finished is only reported; one it started and that is
     * still in progress is taken over (audited: its previous runner was this run before the restart) and continued;
     * otherwise a new one starts, tied to the run with its first progress report. {@code log} hears every progress
     * line.
     */
    public ReleaseOutcome runFor(HostRun run, ReleaseStrategy strategy, Request request, Consumer<String> log) {
        ReleaseStore store = session.store();
        Optional<Release> own = own(run, strategy, request.version());
        if (own.isPresent() && !own.get().state().active()) {
            log.accept(
                    "release " + own.get().id() + " already ended " + own.get().state());
            return session.outcome(own.get());
        }
        AtomicBoolean tied = new AtomicBoolean(own.isPresent());
        ProgressListener tying = progress -> {
            if (tied.compareAndSet(false, true)) {
                note(store, progress.releaseId(), progress.step(), run.tie());
            }
            log.accept(progress.line());
        };
        return run(
                strategy, new Request(request.version(), request.actor(), request.commitSha(), own.isPresent()), tying);
    }

    /**
     * The host aborted the run: its release, if it started one and it is still going, is rolled back or left paused as
     * the spec's {@code rollback.onAbort} says; {@code log} hears what is done before it is done.
     */
    public Stopped stopFor(
            HostRun run,
            ReleaseStrategy strategy,
            @Nullable String version,
            Actor actor,
            String reason,
            Consumer<String> log) {
        ReleaseStore store = session.store();
        Optional<Release> own = own(run, strategy, version);
        if (own.isEmpty()) {
            return new Stopped(Stop.NOT_STARTED, Optional.empty());
        }
        Release release = own.get();
        if (!release.state().active()) {
            return new Stopped(Stop.ALREADY_ENDED, Optional.of(session.outcome(release)));
        }
        if (session.spec().rollback().onAbort() == AbortAction.ROLLBACK) {
            log.accept("rollback.onAbort is rollback: rolling release " + release.id() + " back");
            return new Stopped(
                    Stop.ROLLED_BACK,
                    Optional.of(
                            new ManualRollback(session).perform(actor, reason).outcome()));
        }
        log.accept("rollback.onAbort is leave: release " + release.id() + " is paused with its traffic as it is");
        if (release.state() == ReleaseState.IN_PROGRESS) {
            store.pause(release.id(), actor, reason + " (rollback.onAbort: leave; traffic left as it is)");
        }
        return new Stopped(
                Stop.LEFT, Optional.of(session.outcome(store.find(release.id()).orElse(release))));
    }

    /** The release the run started: in progress, or ended within {@link #OWN_RELEASE_LOOKBACK}. */
    Optional<Release> own(HostRun run, ReleaseStrategy strategy, @Nullable String version) {
        ReleaseStore store = session.store();
        Optional<Release> held = store.inProgress(session.service(), session.environment());
        if (held.isPresent() && isOwn(run, held.get(), strategy, version)) {
            return held;
        }
        List<DeploymentRecord> recent = store.releasesSince(
                session.service(),
                session.environment(),
                session.ports().clock().instant().minus(OWN_RELEASE_LOOKBACK));
        for (int i = recent.size() - 1; i >= 0; i--) {
            DeploymentRecord record = recent.get(i);
            if (!record.version().equals(version)) {
                continue;
            }
            Optional<Release> release = store.find(record.releaseId());
            if (release.isPresent() && isOwn(run, release.get(), strategy, version)) {
                return release;
            }
        }
        return Optional.empty();
    }

    private boolean isOwn(HostRun run, Release release, ReleaseStrategy strategy, @Nullable String version) {
        Optional<String> tiedTo = session.store().steps(release.id()).stream()
                .map(run::tiedRun)
                .flatMap(Optional::stream)
                .findFirst();
        if (tiedTo.isPresent()) {
            return tiedTo.get().equals(run.id());
        }
        return release.version().equals(version)
                && release.request().strategy() == strategy
                && run.url().equals(release.request().actor().ciRunUrl());
    }

    private static void note(ReleaseStore store, UUID releaseId, int step, StepDetail.HostNote note) {
        try {
            store.recordStep(releaseId, new NewStep(Math.max(step, 0), note));
        } catch (InvalidInputException e) {
            // The release ended before its first report (e.g. rolled back at once); nothing left to tie.
        }
    }
}
