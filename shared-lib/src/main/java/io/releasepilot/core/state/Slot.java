package io.releasepilot.core.state;

import io.releasepilot.core.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One slot of a traffic target as the ledger has it.
 *
 * @param name the slot's name in the spec
 * @param version the version it holds; null when none is known (a slot never released to)
 * @param state what it is doing
 * @param since when it started holding this version in this state
 */
public record Slot(String name, @Nullable String version, SlotState state, Instant since) {
    public Slot {
        LedgerInput.text("slot name", name, LedgerInput.MAX_SHORT_TEXT);
        if (version != null) {
            LedgerInput.text("slot version", version, LedgerInput.MAX_SHORT_TEXT);
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }

    /**
     * A change to write: slot {@code name} now holds {@code version} in {@code state}.
     *
     * @param version the version; null keeps the one recorded
     */
    public record Change(String name, @Nullable String version, SlotState state) {
        public Change {
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("a slot change needs the slot's name");
            }
            Objects.requireNonNull(state, "state");
        }
    }

    /** {@code green: v3 live since 2026-…}. */
    public String describe() {
        return name + ": " + (version == null ? "(unknown version)" : version) + " "
                + state.name().toLowerCase(java.util.Locale.ROOT) + " since " + since;
    }
}
