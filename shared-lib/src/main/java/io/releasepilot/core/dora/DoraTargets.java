package io.releasepilot.core.dora;

import io.releasepilot.core.InvalidInputException;
import java.time.Duration;

/**
 * The team's targets shown beside each figure.
 *
 * @param deploymentsPerDay at least this many production deployments per day
 * @param leadTime median lead time below this
 * @param timeToRestore median time to restore below this
 * @param changeFailureRate change failure rate below this fraction (0.02 = 2 %)
 */
public record DoraTargets(
        double deploymentsPerDay, Duration leadTime, Duration timeToRestore, double changeFailureRate) {

    public DoraTargets {
        if (!(deploymentsPerDay > 0)
                || leadTime.isNegative()
                || leadTime.isZero()
                || timeToRestore.isNegative()
                || timeToRestore.isZero()
                || !(changeFailureRate > 0 && changeFailureRate <= 1)) {
            throw new InvalidInputException("DORA targets must be positive and the change failure rate in (0, 1]");
        }
    }

    /** The product brief's targets: daily deployments, lead time &lt; 2 h, restore &lt; 10 min, CFR &lt; 2 %. */
    public static DoraTargets seed() {
        return new DoraTargets(1.0, Duration.ofHours(2), Duration.ofMinutes(10), 0.02);
    }
}
