package io.releasepilot.core.application;

import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.Slot;
import io.releasepilot.core.state.SlotMap;
import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.TrafficRouter;
import java.util.function.Function;

/**
 * The traffic target of one environment, oriented by the ledger: the spec's router for that environment, with the
 * slot the ledger's slot map says is live as its stable side. Used by every session and by {@code serve}, which maps
 * an alert's environment to that environment's target only.
 */
public final class SlotRouting {
    private SlotRouting() {}

    /**
     * The router of {@code environment}: its traffic target from {@code routers}, live slot from the ledger. Before
     * any slot map is recorded, the slot that carries more traffic on the router itself is live (the first slot
     * written when they are even or the router cannot be read): a ledger from before slots keeps its traffic where it
     * is.
     */
    public static TrafficRouter router(
            Function<ReleaseSpec, TrafficRouter> routers, ReleaseSpec spec, String environment, ReleaseStore store) {
        TrafficRouter router = routers.apply(spec.forEnvironment(environment));
        SlotMap map = store.slots(spec.service(), environment);
        if (!map.isEmpty()) {
            return map.live().map(Slot::name).map(router::withLive).orElse(router);
        }
        try {
            RouterState state = router.current();
            if (state.split().canary() > state.split().stable()) {
                return router.withLive(router.slots().target());
            }
        } catch (RuntimeException e) {
            // Unreadable before the first release (an NGINX file not rendered yet): the first slot written is live.
        }
        return router;
    }
}
