package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.List;

/**
 * The user's own program for any other load balancer, called as {@code run… LIVE_WEIGHT TARGET_WEIGHT}.
 *
 * @param run program and arguments, never a shell string
 * @param slots the two slots and what the program is told their servers are ({@code stable}/{@code canary} with no
 *     servers of their own when not written)
 */
public record CommandRouterSpec(List<String> run, SlotsSpec slots, Duration timeout) {
    public CommandRouterSpec {
        run = Require.list(run, "run");
        if (run.isEmpty() || run.get(0).isBlank()) {
            throw new IllegalArgumentException("run needs at least the program");
        }
        Require.present(slots, "slots");
        Require.positive(timeout, "timeout");
    }
}
