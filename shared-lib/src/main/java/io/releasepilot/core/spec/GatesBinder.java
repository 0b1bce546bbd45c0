package io.releasepilot.core.spec;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Binds {@code gates}: the score thresholds, who may bypass, and the objectives. */
final class GatesBinder {
    private final SpecValues values;
    private final Set<String> metricNames;

    GatesBinder(SpecValues values, Set<String> metricNames) {
        this.values = values;
        this.metricNames = metricNames;
    }

    Bound<GatesSpec> bind(Mapping o) {
        Parts parts = values.parts();
        Bound<Double> pass = parts.add(values.percentNumber(o, "passPercent", SpecDefaults.GATE_PASS_PERCENT));
        Bound<Double> warning = parts.add(values.percentNumber(o, "warningPercent", SpecDefaults.GATE_WARNING_PERCENT));
        if (pass.isValid() && warning.isValid() && warning.value() > pass.value()) {
            parts.problem(
                    o.has("warningPercent") ? o.get("warningPercent") : o.node,
                    o.child("warningPercent"),
                    "warningPercent " + Quantity.formatNumber(warning.value()) + " is above passPercent "
                            + Quantity.formatNumber(pass.value()),
                    "warningPercent <= passPercent");
        }
        Bound<Boolean> blocks = parts.add(values.bool(o, "inconclusiveBlocks", SpecDefaults.INCONCLUSIVE_BLOCKS));
        Optional<Mapping> bypass = parts.object(o, "bypass", "gates.bypass");
        Bound<List<String>> authority = parts.add(
                bypass.map(b -> values.strings(b, "authority", List.of())).orElseGet(() -> Bound.of(List.of())));
        Bound<List<ObjectiveSpec>> objectives = parts.add(
                o.has("objectives")
                        ? new ObjectivesBinder(values, metricNames).bind(o)
                        : Bound.of(SpecDefaults.objectives()));
        return parts.build(
                o,
                () -> new GatesSpec(
                        pass.value(), warning.value(), blocks.value(), authority.value(), objectives.value()));
    }
}
