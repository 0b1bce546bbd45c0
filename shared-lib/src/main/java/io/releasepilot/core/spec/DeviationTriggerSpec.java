package io.releasepilot.core.spec;

import io.releasepilot.core.release.Direction;

/**
 * A business-metric trigger ({@code rollback.triggers[]} with {@code deviation}): it fires when the canary's value of
 * {@code metric} deviates from the baseline's by more than {@code deviation} (relative: 50 % means half or one and a
 * half times the baseline) in {@code direction}. Its only action is {@code review}: the release pauses and waits for an
 * operator's promote or abort.
 *
 * @param metric a query name from {@code metrics.prometheus.queries}; it should be a ratio (checkouts per request),
 *     since the canary and the stable side carry different shares of the traffic
 * @param direction {@code decrease}: only a drop counts; {@code increase}: only a rise; {@code either}: both
 */
public record DeviationTriggerSpec(
        String name, String metric, Percent deviation, Direction direction, DeviationBaseline against) {
    public DeviationTriggerSpec {
        Require.text(name, "trigger name");
        Require.text(metric, "trigger metric");
        Require.present(deviation, "deviation");
        Require.present(direction, "direction");
        Require.present(against, "against");
    }
}
