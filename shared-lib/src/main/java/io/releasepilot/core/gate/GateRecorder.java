package io.releasepilot.core.gate;

import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.GateObjective;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.StepDetail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes gate verdicts and bypasses into the ledger of the release in progress for a service and environment: a GATE
 * step with every objective's value, threshold and verdict (its {@code values} are what later regression checks
 * compare against), and a BYPASS audit entry for a granted bypass.
 */
public final class GateRecorder {
    private final ReleaseStore store;
    private final String service;
    private final String environment;

    public GateRecorder(ReleaseStore store, String service, String environment) {
        this.store = store;
        this.service = service;
        this.environment = environment;
    }

    /** Records the verdict on the release in progress; empty when no release is in progress. */
    public Optional<ReleaseStep> record(GateVerdict verdict) {
        Optional<Release> release = store.inProgress(service, environment);
        if (release.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                store.recordStep(release.get().id(), new NewStep(release.get().currentStep(), detail(verdict))));
    }

    /** Audits a granted bypass on the release in progress; empty when there is none or the bypass was refused. */
    public Optional<AuditEntry> record(BypassDecision decision, @Nullable String ciRunUrl) {
        Optional<Release> release = store.inProgress(service, environment);
        if (release.isEmpty() || !decision.granted()) {
            return Optional.empty();
        }
        return Optional.of(store.act(
                release.get().id(), AuditAction.BYPASS, new Actor(decision.actor(), ciRunUrl), decision.explanation()));
    }

    static StepDetail.Gate detail(GateVerdict verdict) {
        Map<String, Double> values = new LinkedHashMap<>();
        List<GateObjective> objectives = new ArrayList<>();
        for (ObjectiveResult result : verdict.results()) {
            double value = result.value().orElse(Double.NaN);
            objectives.add(new GateObjective(
                    result.objective().name(),
                    result.objective().source(),
                    result.objective().metric(),
                    result.origin(),
                    value,
                    result.objective().comparator().symbol(),
                    result.objective().pass(),
                    result.verdict()));
            if (Double.isFinite(value)) {
                values.put(result.objective().metric(), value);
            }
        }
        return new StepDetail.Gate(verdict.verdict(), verdict.score(), verdict.reason(), values, objectives);
    }
}
