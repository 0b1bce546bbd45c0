package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A blue-green plan: deploy green, smoke-check it, switch all traffic at once, watch the triggers for a window, keep
 * blue ready for a delay, then retire it.
 */
public record BlueGreenSpec(
        Optional<HookSpec> deploy,
        List<SmokeCheckSpec> smokeChecks,
        Duration watchWindow,
        Duration scaleDownDelay,
        Optional<HookSpec> retire) {
    public BlueGreenSpec {
        Require.optional(deploy, "deploy");
        smokeChecks = Require.list(smokeChecks, "smokeChecks");
        Require.nonNegative(watchWindow, "watchWindow");
        Require.nonNegative(scaleDownDelay, "scaleDownDelay");
        Require.optional(retire, "retire");
    }
}
