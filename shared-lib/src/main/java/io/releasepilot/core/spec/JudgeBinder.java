package io.releasepilot.core.spec;

import io.releasepilot.core.release.Direction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Binds {@code strategy.canary.judge}: the Mann-Whitney comparison of canary and baseline metrics. */
final class JudgeBinder {
    private final SpecValues values;

    JudgeBinder(SpecValues values) {
        this.values = values;
    }

    Bound<JudgeSpec> bind(Mapping o) {
        Parts parts = values.parts();
        Bound<Boolean> enabled = parts.add(values.bool(o, "enabled", SpecDefaults.JUDGE_ENABLED));
        Bound<Percent> confidence = parts.add(values.percent(o, "confidence", SpecDefaults.JUDGE_CONFIDENCE, 100, ""));
        if (confidence.isValid()
                && (confidence.value().value() <= 0 || confidence.value().value() >= 100)) {
            parts.problem(
                    o.get("confidence"),
                    o.child("confidence"),
                    "confidence must be between 0% and 100%, exclusive",
                    "the default is 98%");
        }
        Bound<Percent> effect =
                parts.add(values.percent(o, "effectSize", SpecDefaults.JUDGE_EFFECT_SIZE, Double.MAX_VALUE, ""));
        Bound<Integer> minSamples =
                parts.add(values.integer(o, "minSamples", SpecDefaults.JUDGE_MIN_SAMPLES, 1, 1_000_000));
        Bound<Double> pass = parts.add(values.number(o, "passScore", SpecDefaults.JUDGE_PASS_SCORE, 0, 100));
        Bound<Double> marginal =
                parts.add(values.number(o, "marginalScore", SpecDefaults.JUDGE_MARGINAL_SCORE, 0, 100));
        if (pass.isValid() && marginal.isValid() && marginal.value() > pass.value()) {
            parts.problem(
                    o.has("marginalScore") ? o.get("marginalScore") : o.node,
                    o.child("marginalScore"),
                    "marginalScore " + Quantity.formatNumber(marginal.value()) + " is above passScore "
                            + Quantity.formatNumber(pass.value()),
                    "marginalScore <= passScore");
        }
        Bound<Double> iqr =
                parts.add(values.positiveNumber(o, "outlierIqrFactor", SpecDefaults.JUDGE_OUTLIER_IQR_FACTOR));
        List<JudgeMetricSpec> metrics = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Mapping m : parts.objects(o, "metrics", "strategy.canary.judge.metrics[]")) {
            parts.add(metric(m, names)).ifValid(metrics::add);
        }
        return parts.build(
                o,
                () -> new JudgeSpec(
                        enabled.value(),
                        confidence.value(),
                        effect.value(),
                        minSamples.value(),
                        pass.value(),
                        marginal.value(),
                        iqr.value(),
                        metrics));
    }

    private Bound<JudgeMetricSpec> metric(Mapping m, Set<String> names) {
        Parts parts = values.parts();
        Bound<String> name = parts.add(values.text(m, "name", null, "e.g. 'name: latency'"));
        parts.unique(names, name, m, "name", "judge metric");
        Bound<String> query =
                parts.add(values.text(m, "query", null, "a PromQL query whose series carry the version label"));
        Bound<Direction> direction =
                parts.add(values.enumValue(m, "direction", Direction.class, SpecDefaults.JUDGE_DIRECTION));
        Bound<String> label = parts.add(values.text(m, "versionLabel", SpecDefaults.JUDGE_VERSION_LABEL, ""));
        return parts.build(m, () -> new JudgeMetricSpec(name.value(), query.value(), direction.value(), label.value()));
    }
}
