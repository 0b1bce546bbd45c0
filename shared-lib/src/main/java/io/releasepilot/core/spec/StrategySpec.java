package io.releasepilot.core.spec;

import io.releasepilot.core.release.ReleaseStrategy;

/**
 * How a release moves traffic. Both plans are always present (defaulted when omitted); {@link #type()} says which
 * one runs.
 */
public record StrategySpec(ReleaseStrategy type, CanarySpec canary, BlueGreenSpec blueGreen) {
    public StrategySpec {
        Require.present(type, "strategy type");
        Require.present(canary, "canary");
        Require.present(blueGreen, "blueGreen");
    }
}
