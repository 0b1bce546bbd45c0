package io.releasepilot.core.state;

import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.traffic.TrafficSplit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A step to append to a release's ledger.
 *
 * @param stepIndex the strategy step it belongs to (e.g. canary step 2)
 * @param kind traffic change, gate verdict, analysis, health check or note
 * @param weights for TRAFFIC: the weights set
 * @param verdict for GATE, ANALYSIS, HEALTH_CHECK: the verdict
 * @param details the values behind it (measured value, threshold, source, …), JSON-compatible, stored as JSONB
 */
public record NewStep(
        int stepIndex,
        StepKind kind,
        @Nullable TrafficSplit weights,
        @Nullable Verdict verdict,
        Map<String, @Nullable Object> details) {

    public NewStep {
        if (stepIndex < 0) {
            throw new io.releasepilot.core.InvalidInputException("step index must not be negative, was " + stepIndex);
        }
        Objects.requireNonNull(kind, "kind");
        if (kind == StepKind.TRAFFIC && weights == null) {
            throw new io.releasepilot.core.InvalidInputException("a TRAFFIC step needs the weights it set");
        }
        details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
    }

    public static NewStep traffic(int stepIndex, TrafficSplit weights, Map<String, @Nullable Object> details) {
        return new NewStep(stepIndex, StepKind.TRAFFIC, weights, null, details);
    }

    public static NewStep verdict(
            int stepIndex, StepKind kind, Verdict verdict, Map<String, @Nullable Object> details) {
        return new NewStep(stepIndex, kind, null, verdict, details);
    }
}
