package io.releasepilot.core.traffic;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.spec.SlotsSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The two slots a router steers, oriented for one release: the live slot (the stable side of a {@link TrafficSplit})
 * and the target slot (its canary side), each a pool of servers. The router's layout never changes; only which slot
 * is live does, so {@link #withLive} is how a router follows the ledger's slot map.
 *
 * @param live the slot serving the last good version
 * @param liveServers its servers
 * @param target the slot the release deploys to
 * @param targetServers its servers
 */
public record SlotPools(String live, List<String> liveServers, String target, List<String> targetServers) {
    public SlotPools {
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(target, "target");
        if (live.equals(target)) {
            throw new InvalidInputException("the two slots need different names, both are '" + live + "'");
        }
        liveServers = List.copyOf(liveServers);
        targetServers = List.copyOf(targetServers);
        if (liveServers.isEmpty() || targetServers.isEmpty()) {
            throw new InvalidInputException("slot " + (liveServers.isEmpty() ? live : target) + " has no servers");
        }
        for (String server : liveServers) {
            if (targetServers.contains(server)) {
                throw new InvalidInputException("server " + server + " is in both slots " + live + " and " + target
                        + "; a server has one slot");
            }
        }
    }

    /** One-server slots named after their server: the legacy {@code stable}/{@code canary} form. */
    public static SlotPools single(String stable, String canary) {
        return new SlotPools(stable, List.of(stable), canary, List.of(canary));
    }

    /** The spec's slots, the first written live. */
    public static SlotPools from(SlotsSpec slots) {
        List<String> names = slots.names();
        Map<String, List<String>> pools = slots.pools();
        return new SlotPools(
                names.get(0),
                pools.getOrDefault(names.get(0), List.of()),
                names.get(1),
                pools.getOrDefault(names.get(1), List.of()));
    }

    /** These slots with {@code slot} live (the same when it already is). */
    public SlotPools withLive(String slot) {
        if (slot.equals(live)) {
            return this;
        }
        if (slot.equals(target)) {
            return new SlotPools(target, targetServers, live, liveServers);
        }
        throw new InvalidInputException("the ledger says slot '" + slot + "' is live, but the router only has slots "
                + names() + "; fix the spec's slots or the ledger's slot map");
    }

    /** Both slot names, live first. */
    public List<String> names() {
        return List.of(live, target);
    }

    /** The servers of {@code slot}. */
    public List<String> servers(String slot) {
        if (slot.equals(live)) {
            return liveServers;
        }
        if (slot.equals(target)) {
            return targetServers;
        }
        throw new InvalidInputException("no slot '" + slot + "' (slots: " + names() + ")");
    }

    /** The slot {@code server} belongs to, if any. */
    public java.util.Optional<String> slotOf(String server) {
        return liveServers.contains(server)
                ? java.util.Optional.of(live)
                : targetServers.contains(server) ? java.util.Optional.of(target) : java.util.Optional.empty();
    }

    /** Every server, live slot first. */
    public List<String> allServers() {
        return java.util.stream.Stream.concat(liveServers.stream(), targetServers.stream())
                .toList();
    }
}
