package io.releasepilot.core.gate;

import io.releasepilot.core.gate.regression.LedgerBaselineSource;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.StepKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes gate verdicts and bypasses into the ledger of the release in progress for a service and environment: a GATE
 * step with every objective's value, threshold and verdict (the {@code values} map is what later regression checks
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
        return Optional.of(store.recordStep(
                release.get().id(),
                NewStep.verdict(
                        Math.max(release.get().currentStep(), 0), StepKind.GATE, verdict.verdict(), details(verdict))));
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

    static Map<String, @Nullable Object> details(GateVerdict verdict) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        List<Map<String, @Nullable Object>> objectives = new ArrayList<>();
        for (ObjectiveResult result : verdict.results()) {
            Map<String, @Nullable Object> objective = new LinkedHashMap<>();
            objective.put("name", result.objective().name());
            objective.put("source", result.objective().source());
            objective.put("metric", result.objective().metric());
            objective.put("origin", result.origin());
            objective.put("value", result.value().isPresent() ? result.value().getAsDouble() : null);
            objective.put("comparator", result.objective().comparator().symbol());
            objective.put("pass", result.objective().pass());
            objective.put("verdict", result.verdict().name());
            objectives.add(objective);
            if (result.value().isPresent() && Double.isFinite(result.value().getAsDouble())) {
                values.put(result.objective().metric(), result.value().getAsDouble());
            }
        }
        Map<String, @Nullable Object> details = new LinkedHashMap<>();
        details.put("verdict", verdict.verdict().name());
        details.put("score", verdict.score());
        details.put("reason", verdict.reason());
        details.put(LedgerBaselineSource.VALUES, values);
        details.put("objectives", objectives);
        return details;
    }
}
