package io.releasepilot.core.traffic;

/**
 * Port to a load balancer that shares traffic between a stable and a canary version. Implementations are idempotent:
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

    /** Whether the load balancer's effective split is {@code expected} and every server with weight > 0 serves. */
    default boolean verify(TrafficSplit expected) {
        RouterState state = current();
        return state.split().equals(expected)
                && (expected.stable() == 0 || state.stableServing())
                && (expected.canary() == 0 || state.canaryServing());
    }
}
