package io.releasepilot.core.rollout.alert;

import io.releasepilot.core.rollout.AlertDecider;
import io.releasepilot.core.rollout.AlertDecider.Action;
import io.releasepilot.core.rollout.AlertDecider.AlertDecision;
import io.releasepilot.core.rollout.AlertDecider.AlertRouting;
import io.releasepilot.core.rollout.AlertDecider.AlertTarget;
import io.releasepilot.core.rollout.AlertNotification;
import io.releasepilot.core.rollout.engine.Rollback;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.TrafficRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Acts on Alertmanager notifications: {@link AlertDecider} decides, this looks up the ledger and rolls back through
 * {@link Rollback} (the one rollback path). The handled alert keys are recorded after the rollback, so a webhook that
 * failed half-way is retried by Alertmanager and completes, while a repeated one finds its keys and does nothing new.
 */
public final class AlertReceiver {
    /** The actor of every alert-triggered ledger entry. */
    public static final Actor ACTOR = Actor.of("alertmanager");

    private final ReleaseStore store;
    private final Function<String, TrafficRouter> routers;
    private final AlertDecider decider;
    // Alertmanager may send the same group twice at once (HA pairs, retries); one notification at a time keeps
    // the check-act-record sequence from interleaving within this process.
    private final ReentrantLock lock = new ReentrantLock();

    /** A receiver whose every environment routes through {@code router}. */
    public AlertReceiver(ReleaseStore store, TrafficRouter router, AlertDecider decider) {
        this(store, environment -> router, decider);
        Objects.requireNonNull(router, "router");
    }

    /**
     * A receiver that rolls an environment's release back through that environment's traffic target only.
     *
     * @param routers the router of an environment (its own traffic target, oriented by the ledger's slot map)
     */
    public AlertReceiver(ReleaseStore store, Function<String, TrafficRouter> routers, AlertDecider decider) {
        this.store = Objects.requireNonNull(store, "store");
        this.routers = Objects.requireNonNull(routers, "routers");
        this.decider = Objects.requireNonNull(decider, "decider");
    }

    /**
     * What one notification led to.
     *
     * @param decisions one per service + environment with rollback-worthy firing alerts
     * @param rolledBack the releases rolled back, as the ledger now holds them
     * @param notes why other alerts led to nothing
     */
    public record Outcome(List<AlertDecision> decisions, List<Release> rolledBack, List<String> notes) {
        public Outcome {
            decisions = List.copyOf(decisions);
            rolledBack = List.copyOf(rolledBack);
            notes = List.copyOf(notes);
        }
    }

    /** Handles one notification; ledger or router failures propagate (the caller answers 5xx, Alertmanager retries). */
    public Outcome receive(AlertNotification notification) {
        AlertRouting routing = decider.route(notification);
        List<AlertDecision> decisions = new ArrayList<>();
        List<Release> rolledBack = new ArrayList<>();
        lock.lock();
        try {
            for (AlertTarget target : routing.targets()) {
                Set<String> handled = store.handledAlerts(target.alertKeys());
                Optional<Release> inProgress = store.inProgress(target.service(), target.environment());
                AlertDecision decision = decider.decide(target, inProgress, handled);
                decisions.add(decision);
                if (decision.action() == Action.ROLLBACK) {
                    var releaseId = Objects.requireNonNull(decision.releaseId());
                    store.requestRollback(releaseId, ACTOR, decision.reason());
                    Release release = new Rollback(store, routers.apply(target.environment()))
                            .perform(releaseId, ACTOR, decision.reason(), Objects.requireNonNull(decision.cause()));
                    recordPredating(releaseId, decision);
                    store.recordHandledAlerts(releaseId, target.groupKey(), decision.newAlertKeys());
                    rolledBack.add(release);
                } else if (decision.action() == Action.PREDATES_RELEASE) {
                    var releaseId = Objects.requireNonNull(decision.releaseId());
                    recordPredating(releaseId, decision);
                    store.recordHandledAlerts(releaseId, target.groupKey(), decision.newAlertKeys());
                }
            }
        } finally {
            lock.unlock();
        }
        return new Outcome(decisions, rolledBack, routing.notes());
    }

    /** Alerts older than the release: a notice on it, shown by status and the report, and nothing else. */
    private void recordPredating(UUID releaseId, AlertDecision decision) {
        if (!decision.predating().isEmpty()) {
            Release release = store.find(releaseId).orElseThrow();
            store.recordStep(
                    releaseId, new NewStep(release.currentStep(), new StepDetail.Notice(decision.predating())));
        }
    }
}
