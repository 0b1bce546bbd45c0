package io.releasepilot.core.application;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.core.state.DeploymentRecord;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.SlotMap;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.traffic.RouterState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Show where an environment's release stands: the release in progress (else the latest one recorded) as the ledger
 * has it, its steps, and the weights the router itself reads back, which may differ from the ledger's after a crash.
 */
public final class ReleaseStatus {

    /**
     * What the router reads back, or why it could not be read (the status is shown either way).
     *
     * @param state the router's own reading, if it could be read
     * @param problem why it could not, otherwise
     */
    public record RouterReading(Optional<RouterState> state, Optional<String> problem) {
        public RouterReading {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(problem, "problem");
        }

        /** {@code haproxy blue 90 / green 10}, or {@code unreadable: <why>}. */
        public String describe() {
            return state.map(s -> s.routerType() + " "
                            + String.join(
                                    " / ",
                                    s.shares().entrySet().stream()
                                            .map(e -> e.getKey() + " " + e.getValue())
                                            .toList()))
                    .orElseGet(() -> "unreadable: " + problem.orElse("unknown"));
        }
    }

    /**
     * One look at the environment.
     *
     * @param release the release in progress, else the latest recorded
     * @param router what the router reads back
     * @param steps the release's ledger steps, in order
     * @param slots the ledger's slot map of the environment (empty before a release recorded one)
     */
    public record Snapshot(Release release, RouterReading router, List<ReleaseStep> steps, SlotMap slots) {
        public Snapshot {
            Objects.requireNonNull(release, "release");
            Objects.requireNonNull(router, "router");
            steps = List.copyOf(steps);
            Objects.requireNonNull(slots, "slots");
        }

        /** A snapshot without a slot map. */
        public Snapshot(Release release, RouterReading router, List<ReleaseStep> steps) {
            this(release, router, steps, new SlotMap(release.service(), release.environment(), List.of()));
        }

        /** The latest step whose detail is a {@link StepDetail.Analysis}, if any. */
        public Optional<ReleaseStep> latestAnalysis() {
            ReleaseStep latest = null;
            for (ReleaseStep step : steps) {
                if (step.step().detail() instanceof StepDetail.Analysis) {
                    latest = step;
                }
            }
            return Optional.ofNullable(latest);
        }

        /** The last {@code count} NOTE and TRAFFIC steps, oldest first. */
        public List<ReleaseStep> recentNotes(int count) {
            List<ReleaseStep> notes = new ArrayList<>();
            for (ReleaseStep step : steps) {
                if (step.step().kind() == StepKind.NOTE || step.step().kind() == StepKind.TRAFFIC) {
                    notes.add(step);
                }
            }
            return List.copyOf(notes.subList(Math.max(0, notes.size() - count), notes.size()));
        }
    }

    private final ReleaseSession session;

    public ReleaseStatus(ReleaseSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** Reads the ledger and the router once; fails clearly when the environment has no release recorded. */
    public Snapshot read() {
        ReleaseStore store = session.store();
        Release release = current(store);
        RouterReading router;
        try {
            router = new RouterReading(Optional.of(session.router().current()), Optional.empty());
        } catch (ReleasePilotException e) {
            router = new RouterReading(Optional.empty(), Optional.of(String.valueOf(e.getMessage())));
        }
        return new Snapshot(
                release, router, store.steps(release.id()), store.slots(session.service(), session.environment()));
    }

    private Release current(ReleaseStore store) {
        String service = session.service();
        String environment = session.environment();
        Optional<Release> running = store.inProgress(service, environment);
        if (running.isPresent()) {
            return running.get();
        }
        List<DeploymentRecord> all = store.releasesSince(service, environment, Instant.EPOCH);
        if (all.isEmpty()) {
            throw new InvalidInputException("no release of '" + service + "' is recorded in '" + environment + "'");
        }
        return store.find(all.get(all.size() - 1).releaseId())
                .orElseThrow(() -> new InvalidInputException("release vanished from the ledger"));
    }
}
