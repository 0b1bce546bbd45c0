package io.releasepilot.core.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The slots of one service + environment as the ledger has them: which is live and which version each holds. Empty
 * before the first release that knew its slots.
 *
 * @param service the service
 * @param environment the environment
 * @param slots the recorded slots, by name
 */
public record SlotMap(String service, String environment, List<Slot> slots) {
    public SlotMap {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        slots = List.copyOf(slots);
    }

    public boolean isEmpty() {
        return slots.isEmpty();
    }

    /** The live slot, if one is recorded. */
    public Optional<Slot> live() {
        return slots.stream().filter(s -> s.state() == SlotState.LIVE).findFirst();
    }

    /** The slot called {@code name}, if recorded. */
    public Optional<Slot> slot(String name) {
        return slots.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** A slot other than the live one that still runs {@code version} (idle, not retired), if any. */
    public Optional<Slot> idleHolding(String version) {
        return slots.stream()
                .filter(s -> s.state() == SlotState.IDLE && version.equals(s.version()))
                .findFirst();
    }

    /** {@code blue: v4 live since …; green: v5 idle since …}. */
    public String describe() {
        if (slots.isEmpty()) {
            return "no slots recorded";
        }
        return String.join("; ", slots.stream().map(Slot::describe).toList());
    }
}
