package io.releasepilot.core.gate.regression;

import io.releasepilot.core.gate.BaselineSource;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.StepDetail;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The baseline of a regression check from the ledger: the value the last successful release of the same service and
 * environment measured for the metric, as recorded in the values of its latest analysis or gate step that has one.
 */
public final class LedgerBaselineSource implements BaselineSource {
    private final ReleaseStore store;
    private final String service;
    private final String environment;
    private Optional<Release> release;
    private List<ReleaseStep> steps;

    public LedgerBaselineSource(ReleaseStore store, String service, String environment) {
        this.store = store;
        this.service = service;
        this.environment = environment;
    }

    @Override
    public OptionalDouble baseline(String metric) {
        load();
        for (int i = steps.size() - 1; i >= 0; i--) {
            StepDetail detail = steps.get(i).step().detail();
            Map<String, Double> values = detail instanceof StepDetail.Analysis analysis
                    ? analysis.values()
                    : detail instanceof StepDetail.Gate gate ? gate.values() : Map.of();
            // A missing value (NaN) is no baseline: an earlier step may have one.
            Double value = values.get(metric);
            if (value != null && !value.isNaN()) {
                return OptionalDouble.of(value);
            }
        }
        return OptionalDouble.empty();
    }

    @Override
    public String origin() {
        load();
        return release.map(
                        r -> "ledger: last successful release " + r.version() + " of " + service + " in " + environment)
                .orElse("ledger: no successful release of " + service + " in " + environment + " yet");
    }

    // One read per gate run: the origin and every metric come from the same release.
    private void load() {
        if (steps == null) {
            release = store.lastSuccessful(service, environment);
            steps = release.map(r -> store.steps(r.id())).orElse(List.of());
        }
    }
}
