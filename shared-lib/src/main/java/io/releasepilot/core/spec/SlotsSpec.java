package io.releasepilot.core.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two slots of a traffic target, each a pool of servers (HAProxy server names, NGINX upstream addresses, or what
 * the command router is told). The first slot written is the live one before the first release. The legacy {@code
 * stable: X, canary: Y} form is {@code slots: {X: [X], Y: [Y]}}.
 *
 * @param pools slot name to its servers, in the order written (exactly two slots)
 */
public record SlotsSpec(Map<String, List<String>> pools) {
    public SlotsSpec {
        Require.map(pools, "slots");
        if (pools.size() != 2) {
            throw new IllegalArgumentException("a traffic target has exactly two slots, got " + pools.keySet());
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Set<String> servers = new HashSet<>();
        pools.forEach((slot, pool) -> {
            Require.text(slot, "slot name");
            List<String> list = List.copyOf(Require.list(pool, "slot " + slot));
            if (list.isEmpty()) {
                throw new IllegalArgumentException("slot " + slot + " has no servers");
            }
            for (String server : list) {
                if (!servers.add(Require.text(server, "server of slot " + slot))) {
                    throw new IllegalArgumentException("server " + server + " is in more than one slot");
                }
            }
            copy.put(slot, list);
        });
        pools = java.util.Collections.unmodifiableMap(copy);
    }

    /** The legacy form: {@code stable} and {@code canary} are one-server slots named after their server. */
    public static SlotsSpec legacy(String stable, String canary) {
        Map<String, List<String>> pools = new LinkedHashMap<>();
        pools.put(stable, List.of(stable));
        pools.put(canary, List.of(canary));
        return new SlotsSpec(pools);
    }

    /** The slot names, the initially live one first. */
    public List<String> names() {
        return new ArrayList<>(pools.keySet());
    }
}
