package io.releasepilot.core.gate;

import io.releasepilot.core.release.Verdict;
import java.time.Instant;
import java.util.Objects;

/**
 * The answer to a request to bypass a gate, to be written to the audit trail whether granted or refused.
 *
 * @param granted whether the gate is bypassed
 * @param actor who asked
 * @param reason the reason they gave
 * @param at when they asked
 * @param bypassedVerdict the gate verdict that was (or would have been) overridden
 * @param explanation why it was granted or refused
 */
public record BypassDecision(
        boolean granted, String actor, String reason, Instant at, Verdict bypassedVerdict, String explanation) {

    public BypassDecision {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(bypassedVerdict, "bypassedVerdict");
        Objects.requireNonNull(explanation, "explanation");
    }
}
