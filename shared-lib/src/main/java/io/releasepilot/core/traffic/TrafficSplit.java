package io.releasepilot.core.traffic;

import io.releasepilot.core.InvalidInputException;

/**
 * How traffic is shared between the stable (blue, last good) and the canary (green, new) version, in whole percent.
 * Both weights are absolute (0..100) and always sum to 100, so a router never has to interpret a relative change.
 */
public record TrafficSplit(int stable, int canary) {
    /** Everything on the stable version: the state a rollback returns to. */
    public static final TrafficSplit ALL_STABLE = new TrafficSplit(100, 0);
    /** Everything on the canary version: a completed promotion or a blue-green switch. */
    public static final TrafficSplit ALL_CANARY = new TrafficSplit(0, 100);

    public TrafficSplit {
        if (stable < 0 || stable > 100 || canary < 0 || canary > 100) {
            throw new InvalidInputException(
                    "traffic weights must be between 0 and 100 %, got stable=" + stable + " canary=" + canary);
        }
        if (stable + canary != 100) {
            throw new InvalidInputException(
                    "traffic weights must sum to 100 %, got stable=" + stable + " canary=" + canary);
        }
    }

    /** The split that gives the canary {@code canaryWeight} percent and the stable version the rest. */
    public static TrafficSplit canary(int canaryWeight) {
        if (canaryWeight < 0 || canaryWeight > 100) {
            throw new InvalidInputException("canary weight must be between 0 and 100 %, got " + canaryWeight);
        }
        return new TrafficSplit(100 - canaryWeight, canaryWeight);
    }

    @Override
    public String toString() {
        return "stable " + stable + " % / canary " + canary + " %";
    }
}
