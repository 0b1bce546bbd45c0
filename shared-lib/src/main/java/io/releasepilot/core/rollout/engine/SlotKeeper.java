package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.Slot;
import io.releasepilot.core.state.SlotMap;
import io.releasepilot.core.state.SlotState;
import io.releasepilot.core.traffic.SlotPools;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the ledger's slot map in step with a release: a new release deploys to the target (idle) slot, success makes
 * it live (the old live slot turns idle, or retired when its retire hook ran), a rollback leaves the target idle. The
 * router was oriented by the session from this same map, so its live slot is the map's.
 */
final class SlotKeeper {
    private final ReleaseStore store;
    private final SlotPools slots;

    SlotKeeper(ReleaseStore store, SlotPools slots) {
        this.store = store;
        this.slots = slots;
    }

    /** A new release: the map is started from the router's slots if empty, then the target slot is DEPLOYING. */
    SlotMap opened(Release release, Optional<String> lastGoodVersion) {
        SlotMap map = store.slots(release.service(), release.environment());
        if (map.isEmpty()) {
            store.recordSlots(
                    release.service(),
                    release.environment(),
                    List.of(
                            new Slot.Change(slots.live(), lastGoodVersion.orElse(null), SlotState.LIVE),
                            new Slot.Change(slots.target(), null, SlotState.IDLE)));
        }
        return store.recordSlots(
                release.service(),
                release.environment(),
                List.of(new Slot.Change(slots.target(), release.version(), SlotState.DEPLOYING)));
    }

    /** Success with {@code promotion: swap}: the target slot is live, the old live one idle (or retired). */
    SlotMap swapped(Release release, boolean oldLiveRetired) {
        return store.recordSlots(
                release.service(),
                release.environment(),
                List.of(
                        new Slot.Change(slots.live(), null, oldLiveRetired ? SlotState.RETIRED : SlotState.IDLE),
                        new Slot.Change(slots.target(), release.version(), SlotState.LIVE)));
    }

    /** Success with {@code promotion: copy-to-stable}: the live slot now runs the version, the target is emptied. */
    SlotMap copied(Release release, boolean targetRetired) {
        return store.recordSlots(
                release.service(),
                release.environment(),
                List.of(
                        new Slot.Change(slots.target(), null, targetRetired ? SlotState.RETIRED : SlotState.IDLE),
                        new Slot.Change(slots.live(), release.version(), SlotState.LIVE)));
    }

    /**
     * The {@code RP_*} variables of a hook run against {@code slot}: the slot, its servers (space-separated), the
     * version released and the version the live slot holds.
     */
    Map<String, String> hookVariables(Release release, String slot) {
        return hookVariables(release, slot, slots.servers(slot));
    }

    /** As {@link #hookVariables(Release, String)}, for some of the slot's servers only (one at a time). */
    Map<String, String> hookVariables(Release release, String slot, List<String> servers) {
        Map<String, String> variables = new HashMap<>();
        variables.put("RP_SERVICE", release.service());
        variables.put("RP_ENVIRONMENT", release.environment());
        variables.put("RP_VERSION", release.version());
        variables.put("RP_SLOT", slot);
        variables.put("RP_SLOT_SERVERS", String.join(" ", servers));
        variables.put("RP_LIVE_SLOT", slots.live());
        variables.put("RP_TARGET_SLOT", slots.target());
        SlotMap map = store.slots(release.service(), release.environment());
        variables.put(
                "RP_PREVIOUS_VERSION",
                map.slot(slots.live())
                        .map(s -> Objects.toString(s.version(), ""))
                        .orElse(""));
        return variables;
    }

    SlotPools slots() {
        return slots;
    }
}
