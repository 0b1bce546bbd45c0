package io.releasepilot.core.spec;

import java.util.List;

/**
 * Quality gates, scored as Keptn does: a passing objective scores its weight, a warning half of it; the total in
 * percent is compared with {@code passPercent} and {@code warningPercent}.
 *
 * @param inconclusiveBlocks whether an INCONCLUSIVE objective blocks the gate
 * @param bypassAuthority who may bypass a failed gate (with a reason, audited)
 */
public record GatesSpec(
        double passPercent,
        double warningPercent,
        boolean inconclusiveBlocks,
        List<String> bypassAuthority,
        List<ObjectiveSpec> objectives) {
    public GatesSpec {
        Require.range(passPercent, 0, 100, "passPercent");
        Require.range(warningPercent, 0, passPercent, "warningPercent");
        bypassAuthority = Require.list(bypassAuthority, "bypassAuthority");
        objectives = Require.list(objectives, "objectives");
    }
}
