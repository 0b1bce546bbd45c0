package io.releasepilot.core.traffic;

import java.util.Objects;

/**
 * What a router reads back from the load balancer itself (not what Release Pilot last asked for), so a rerun can
 * reconcile before it acts.
 *
 * @param routerType the router's {@link TrafficRouter#type()}
 * @param split the effective weights
 * @param stableServing whether the stable server takes new requests at all (HAProxy: admin state ready and up)
 * @param canaryServing whether the canary server takes new requests at all
 * @param detail the raw read-back in the balancer's own words, for logs and the ledger
 */
public record RouterState(
        String routerType, TrafficSplit split, boolean stableServing, boolean canaryServing, String detail) {
    public RouterState {
        Objects.requireNonNull(routerType, "routerType");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(detail, "detail");
    }

    /** A state in which both servers take requests according to their weights. */
    public static RouterState serving(String routerType, TrafficSplit split, String detail) {
        return new RouterState(routerType, split, true, true, detail);
    }
}
