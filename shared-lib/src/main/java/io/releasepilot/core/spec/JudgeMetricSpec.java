package io.releasepilot.core.spec;

import io.releasepilot.core.release.Direction;

/**
 * A metric the judge compares between canary and baseline.
 *
 * @param query a PromQL range query whose series carry {@code versionLabel}
 * @param direction which change is bad
 */
public record JudgeMetricSpec(String name, String query, Direction direction, String versionLabel) {
    public JudgeMetricSpec {
        Require.text(name, "judge metric name");
        Require.text(query, "judge metric query");
        Require.present(direction, "direction");
        Require.text(versionLabel, "versionLabel");
    }
}
