package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.List;

/**
 * The user's own program for any other load balancer, called as {@code run… STABLE_WEIGHT CANARY_WEIGHT}.
 *
 * @param run program and arguments, never a shell string
 */
public record CommandRouterSpec(List<String> run, Duration timeout) {
    public CommandRouterSpec {
        run = Require.list(run, "run");
        if (run.isEmpty() || run.get(0).isBlank()) {
            throw new IllegalArgumentException("run needs at least the program");
        }
        Require.positive(timeout, "timeout");
    }
}
