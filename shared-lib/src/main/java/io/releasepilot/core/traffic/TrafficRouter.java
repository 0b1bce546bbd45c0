package io.releasepilot.core.traffic;

import java.util.List;

/**
 * Port to a load balancer that shares traffic between two slots: the live one (the stable side of a {@link
 * TrafficSplit}) and the target one (its canary side), each a pool of servers. The adapter spreads a slot's share
 * over its servers so the share is exact, and leaves servers in maintenance out. Implementations are idempotent:
 * applying the split that is already in effect changes nothing and succeeds. Every call has a timeout and fails with
 * {@link TrafficRouterException}.
 */
public interface TrafficRouter {
    /** The router's type id as written in the spec's {@code traffic.router} ({@code haproxy}, {@code nginx}, …). */
    String type();

    /** Reads the weights back from the load balancer itself. */
    RouterState current();

    /** Makes {@code split} the effective split and returns the state read back afterwards. */
    RouterState apply(TrafficSplit split);

    /**
     * The network addresses ({@code host:port}) of {@code servers} of a slot, for checks that call each server
     * directly (the version check). Routers whose servers are addresses (NGINX, the command router) return them as
     * they are; HAProxy looks its server names up.
     */
    default List<String> addressesOf(List<String> servers) {
        return servers;
    }

    /** The two slots, live first; unnamed {@code stable}/{@code canary} for a router that has no slots. */
    default SlotPools slots() {
        return SlotPools.single("stable", "canary");
    }

    /**
     * This router with {@code slot} as the live (stable) side, as the ledger's slot map says; the layout on the load
     * balancer does not change.
     */
    default TrafficRouter withLive(String slot) {
        if (slot.equals(slots().live())) {
            return this;
        }
        throw new TrafficRouterException(
                "router " + type() + " cannot make slot '" + slot + "' live (slots: " + slots().names() + ")");
    }

    /** Whether single servers can be drained and readied through the router ({@link #setReady}). */
    default boolean drainsServers() {
        return false;
    }

    /**
     * Drains {@code server} (no new requests; {@code ready} false) or readies it again (true): how {@code promotion:
     * copy-to-stable} redeploys the live pool one server at a time.
     */
    default void setReady(String server, boolean ready) {
        throw new TrafficRouterException("router " + type() + " cannot drain single servers; its live pool carries no"
                + " traffic while it is redeployed, or use promotion: swap");
    }

    /** Whether the load balancer's effective split is {@code expected} and every server with weight > 0 serves. */
    default boolean verify(TrafficSplit expected) {
        RouterState state = current();
        return state.split().equals(expected)
                && (expected.stable() == 0 || state.stableServing())
                && (expected.canary() == 0 || state.canaryServing());
    }
}
