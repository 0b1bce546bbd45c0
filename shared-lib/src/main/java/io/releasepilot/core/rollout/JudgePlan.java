package io.releasepilot.core.rollout;

import io.releasepilot.core.judge.JudgeConfig;
import io.releasepilot.core.release.Direction;
import io.releasepilot.core.spec.JudgeMetricSpec;
import io.releasepilot.core.spec.JudgeSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The canary judge as the engine runs it during each canary step: canary samples compared with baseline (stable)
 * samples per metric, from the spec's {@code strategy.canary.judge}.
 *
 * @param config the judge's thresholds
 * @param metrics the metrics compared
 */
public record JudgePlan(JudgeConfig config, List<Metric> metrics) {
    public JudgePlan {
        Objects.requireNonNull(config, "config");
        metrics = List.copyOf(metrics);
    }

    /** One compared metric: a PromQL range query split by version. */
    public record Metric(String name, String query, Direction direction, String versionLabel) {
        public Metric {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(versionLabel, "versionLabel");
        }
    }

    /** The judge of the spec, or empty when it is disabled or has no metrics (nothing to compare). */
    public static Optional<JudgePlan> from(JudgeSpec judge) {
        if (!judge.enabled() || judge.metrics().isEmpty()) {
            return Optional.empty();
        }
        JudgeConfig config = new JudgeConfig(
                judge.confidence().ratio(),
                judge.effectSize().ratio(),
                judge.minSamples(),
                judge.passScore(),
                judge.marginalScore(),
                judge.outlierIqrFactor());
        List<Metric> metrics = judge.metrics().stream().map(JudgePlan::metric).toList();
        return Optional.of(new JudgePlan(config, metrics));
    }

    private static Metric metric(JudgeMetricSpec spec) {
        return new Metric(spec.name(), spec.query(), spec.direction(), spec.versionLabel());
    }
}
