package io.releasepilot.core.gate.sarif;

/**
 * SARIF results counted by effective level and by security severity.
 *
 * @param error results at level {@code error}
 * @param warning results at level {@code warning}
 * @param note results at level {@code note}
 * @param none results at level {@code none}
 * @param highOrCritical results with a security-severity of 7.0 or more (high 7.0–8.9, critical ≥ 9.0)
 * @param critical results with a security-severity of 9.0 or more
 */
public record SarifTotals(long error, long warning, long note, long none, long highOrCritical, long critical) {

    public static final SarifTotals NONE = new SarifTotals(0, 0, 0, 0, 0, 0);

    public SarifTotals {
        if (error < 0 || warning < 0 || note < 0 || none < 0 || highOrCritical < 0 || critical < 0) {
            throw new IllegalArgumentException("SARIF counts must not be negative");
        }
    }

    public long total() {
        return error + warning + note + none;
    }

    public SarifTotals plus(SarifTotals other) {
        return new SarifTotals(
                error + other.error,
                warning + other.warning,
                note + other.note,
                none + other.none,
                highOrCritical + other.highOrCritical,
                critical + other.critical);
    }
}
