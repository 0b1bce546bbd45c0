package io.releasepilot.core.state;

import io.releasepilot.core.InvalidInputException;

/**
 * Traffic split in percent between the stable (blue) and the canary (green) version; the two add up to 100.
 *
 * @param stable percent of traffic to the stable version
 * @param canary percent of traffic to the canary version
 */
public record RouterWeights(int stable, int canary) {
    public RouterWeights {
        if (stable < 0 || canary < 0 || stable + canary != 100) {
            throw new InvalidInputException("router weights must be two percentages adding up to 100, were stable="
                    + stable + " canary=" + canary);
        }
    }

    /** {@code canary} percent to the canary, the rest to stable. */
    public static RouterWeights canary(int canaryPercent) {
        return new RouterWeights(100 - canaryPercent, canaryPercent);
    }

    public static RouterWeights allStable() {
        return new RouterWeights(100, 0);
    }

    public static RouterWeights allCanary() {
        return new RouterWeights(0, 100);
    }
}
