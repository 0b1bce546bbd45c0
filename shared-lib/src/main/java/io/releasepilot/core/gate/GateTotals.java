package io.releasepilot.core.gate;

/**
 * Counts of a gate's objective results and the points behind its score.
 *
 * @param pass objectives that passed
 * @param warning objectives that gave WARNING
 * @param fail objectives that failed
 * @param inconclusive objectives without data
 * @param points points earned (pass = weight, warning = ½ weight)
 * @param maxPoints the sum of the weights that were scored
 */
public record GateTotals(int pass, int warning, int fail, int inconclusive, double points, double maxPoints) {

    public GateTotals {
        if (pass < 0 || warning < 0 || fail < 0 || inconclusive < 0 || points < 0 || maxPoints < points) {
            throw new IllegalArgumentException("gate totals must be non-negative and points ≤ maxPoints");
        }
    }

    /** Number of objectives counted. */
    public int objectives() {
        return pass + warning + fail + inconclusive;
    }
}
