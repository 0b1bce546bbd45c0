package io.releasepilot.core.traffic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spreads a split over the servers of the two slots so that each slot's share of the total weight is exactly its
 * percent: per-server weights within {@code 0..max} (HAProxy: 256), the servers of a slot differing by at most one.
 * Servers left out (in maintenance) get nothing and do not count. Pure: the routers call it before they write.
 */
public final class SlotWeights {
    private SlotWeights() {}

    /**
     * Per-server weights for {@code split} over the serving servers of each slot.
     *
     * @param liveServers the live slot's servers that may take traffic
     * @param targetServers the target slot's servers that may take traffic
     * @param max the largest weight one server may have
     * @throws TrafficRouterException when a slot that should get traffic has no server that may take it
     */
    public static Map<String, Integer> spread(
            TrafficSplit split, List<String> liveServers, List<String> targetServers, int max) {
        int a = split.stable();
        int b = split.canary();
        if (a > 0 && liveServers.isEmpty()) {
            throw new TrafficRouterException("the live slot should get " + a + " % but none of its servers can take"
                    + " traffic (all in maintenance); ready one, or roll back");
        }
        if (b > 0 && targetServers.isEmpty()) {
            throw new TrafficRouterException("the target slot should get " + b + " % but none of its servers can take"
                    + " traffic (all in maintenance); ready one first");
        }
        int gcd = gcd(a, b);
        int ra = a / gcd;
        int rb = b / gcd;
        int nl = Math.max(1, liveServers.size());
        int nt = Math.max(1, targetServers.size());
        // Prefer weights that read as percents (one server per slot: 90 and 10), then any even spread, then an uneven
        // one (servers of a slot differ by one): the share stays exact in all three.
        int lcm = nl / gcd(nl, nt) * nt;
        // ra + rb = 100 / gcd, so k = gcd * lcm makes the slot totals percent * lcm.
        int k = fits(a * lcm, b * lcm, nl, nt, max) ? gcd * lcm : -1;
        for (int candidate = 1; k < 0 && candidate <= max * Math.max(nl, nt); candidate++) {
            if ((ra * candidate) % nl == 0
                    && (rb * candidate) % nt == 0
                    && fits(ra * candidate, rb * candidate, nl, nt, max)) {
                k = candidate;
            }
        }
        for (int candidate = 1; k < 0 && candidate <= max * Math.max(nl, nt); candidate++) {
            boolean enough = (ra == 0 || ra * candidate >= nl) && (rb == 0 || rb * candidate >= nt);
            if (enough && fitsUneven(ra * candidate, rb * candidate, nl, nt, max)) {
                k = candidate;
            }
        }
        if (k < 0) {
            throw new TrafficRouterException("cannot spread " + split + " exactly over " + nl + " + " + nt
                    + " servers with weights up to " + max);
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        share(weights, liveServers, ra * k);
        share(weights, targetServers, rb * k);
        return weights;
    }

    private static boolean fits(int liveTotal, int targetTotal, int nl, int nt, int max) {
        return liveTotal % nl == 0 && targetTotal % nt == 0 && liveTotal / nl <= max && targetTotal / nt <= max;
    }

    private static boolean fitsUneven(int liveTotal, int targetTotal, int nl, int nt, int max) {
        return (liveTotal + nl - 1) / nl <= max && (targetTotal + nt - 1) / nt <= max;
    }

    private static void share(Map<String, Integer> weights, List<String> servers, int total) {
        int n = servers.size();
        for (int i = 0; i < n; i++) {
            weights.put(servers.get(i), total / n + (i < total % n ? 1 : 0));
        }
    }

    private static int gcd(int x, int y) {
        return y == 0 ? Math.max(x, 1) : gcd(y, x % y);
    }
}
