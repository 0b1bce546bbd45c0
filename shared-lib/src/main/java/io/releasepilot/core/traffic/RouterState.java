package io.releasepilot.core.traffic;

import java.util.LinkedHashMap;
import java.util.Map;
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
 * @param shares each slot's share in percent, by slot name (live slot first)
 */
public record RouterState(
        String routerType,
        TrafficSplit split,
        boolean stableServing,
        boolean canaryServing,
        String detail,
        Map<String, Integer> shares) {
    public RouterState {
        Objects.requireNonNull(routerType, "routerType");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(detail, "detail");
        shares = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    }

    /** A state whose slots are the unnamed stable and canary sides. */
    public RouterState(
            String routerType, TrafficSplit split, boolean stableServing, boolean canaryServing, String detail) {
        this(
                routerType,
                split,
                stableServing,
                canaryServing,
                detail,
                shares(SlotPools.single("stable", "canary"), split));
    }

    /** The share of each of {@code slots} under {@code split}, live slot first. */
    public static Map<String, Integer> shares(SlotPools slots, TrafficSplit split) {
        Map<String, Integer> shares = new LinkedHashMap<>();
        shares.put(slots.live(), split.stable());
        shares.put(slots.target(), split.canary());
        return shares;
    }

    /** A state in which both servers take requests according to their weights. */
    public static RouterState serving(String routerType, TrafficSplit split, String detail) {
        return new RouterState(routerType, split, true, true, detail);
    }
}
