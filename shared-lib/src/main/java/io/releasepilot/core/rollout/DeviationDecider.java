package io.releasepilot.core.rollout;

import io.releasepilot.core.release.Direction;
import java.util.Locale;

/**
 * Decides a deviation trigger from the canary's and the stable side's value of one metric in the same window; pure.
 * A side without a value, or a stable value of 0, is MISSING: missing data never counts as "no deviation".
 */
public final class DeviationDecider {
    private static final double EPSILON = 1e-9;

    private DeviationDecider() {}

    public static DeviationEvaluation evaluate(DeviationRule rule, double canary, double stable) {
        String head = rule.name() + ": " + rule.metric();
        if (Double.isNaN(canary) || Double.isNaN(stable)) {
            return new DeviationEvaluation(
                    rule,
                    RuleStatus.MISSING,
                    canary,
                    stable,
                    Double.NaN,
                    head + " has no value for the " + (Double.isNaN(canary) ? "canary" : "stable side"));
        }
        if (stable == 0) {
            return new DeviationEvaluation(
                    rule,
                    RuleStatus.MISSING,
                    canary,
                    stable,
                    Double.NaN,
                    head + " is 0 on the stable side: no relative deviation can be taken");
        }
        double relative = (canary - stable) / Math.abs(stable);
        // A deviation exactly at the limit fires; (0.15 - 0.10) / 0.10 is 0.4999999999999999 in doubles.
        double limit = rule.deviation() - EPSILON;
        boolean fires = switch (rule.direction()) {
            case DECREASE -> relative <= -limit;
            case INCREASE -> relative >= limit;
            case EITHER -> Math.abs(relative) >= limit;
        };
        String text = head + " canary " + number(canary) + " vs stable " + number(stable) + " ("
                + String.format(Locale.ROOT, "%+.1f%%", relative * 100) + ", limit "
                + (rule.direction() == Direction.DECREASE ? "-" : rule.direction() == Direction.INCREASE ? "+" : "±")
                + Math.round(rule.deviation() * 100) + "%)";
        return new DeviationEvaluation(
                rule,
                fires ? RuleStatus.FIRING : RuleStatus.OK,
                canary,
                stable,
                relative,
                text + (fires ? ", firing: review" : ""));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
