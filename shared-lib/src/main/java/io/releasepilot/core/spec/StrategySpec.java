package io.releasepilot.core.spec;

/**
 * How a release moves traffic. Both plans are always present (defaulted when omitted); {@link #type()} says which
 * one runs.
 */
public record StrategySpec(StrategyType type, CanarySpec canary, BlueGreenSpec blueGreen) {
    public StrategySpec {
        Require.present(type, "strategy type");
        Require.present(canary, "canary");
        Require.present(blueGreen, "blueGreen");
    }
}
