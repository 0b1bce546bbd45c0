package io.releasepilot.core.gate;

import java.util.List;
import java.util.Objects;

/**
 * The gate-wide settings of {@code gates} in release-pilot.yml: the Keptn-style total-score thresholds, whether an
 * INCONCLUSIVE objective blocks, and who may bypass a failed gate.
 *
 * @param passPercent total score (0..100) at or above which the gate passes (default 90)
 * @param warningPercent total score at or above which the gate gives WARNING (default 75)
 * @param inconclusiveBlocks whether an INCONCLUSIVE objective makes the gate INCONCLUSIVE (default true); when
 *     false, objectives without data are left out of the score (but a gate with no data at all is still INCONCLUSIVE)
 * @param bypassAuthority the user ids allowed to bypass a failed gate ({@code gates.bypass.authority})
 */
public record GatesPolicy(
        double passPercent, double warningPercent, boolean inconclusiveBlocks, List<String> bypassAuthority) {

    public static final double DEFAULT_PASS_PERCENT = 90;
    public static final double DEFAULT_WARNING_PERCENT = 75;

    public GatesPolicy {
        bypassAuthority = List.copyOf(Objects.requireNonNull(bypassAuthority, "bypassAuthority"));
        if (!(passPercent >= 0 && passPercent <= 100) || !(warningPercent >= 0 && warningPercent <= 100)) {
            throw new IllegalArgumentException("gate percentages must be within 0..100");
        }
        if (warningPercent > passPercent) {
            throw new IllegalArgumentException(
                    "warningPercent (" + warningPercent + ") must not exceed passPercent (" + passPercent + ")");
        }
    }

    /** The defaults: pass 90 %, warning 75 %, INCONCLUSIVE blocks, nobody may bypass. */
    public static GatesPolicy defaults() {
        return new GatesPolicy(DEFAULT_PASS_PERCENT, DEFAULT_WARNING_PERCENT, true, List.of());
    }
}
