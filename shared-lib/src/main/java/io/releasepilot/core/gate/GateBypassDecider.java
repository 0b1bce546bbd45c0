package io.releasepilot.core.gate;

import java.time.Instant;

/**
 * Decides an audited bypass: only someone listed in {@code gates.bypass.authority} may bypass a gate that did not pass,
 * and only with a non-blank reason. Pure: it returns a {@link BypassDecision} and the caller records it (granted or
 * refused) in the ledger's audit trail before acting on it — no audit port here, so the decision stays testable and
 * the write happens in the same transaction as the release step.
 */
public final class GateBypassDecider {

    private GateBypassDecider() {}

    public static BypassDecision decide(
            GatesPolicy policy, GateVerdict verdict, String actor, String reason, Instant at) {
        String who = actor.trim();
        String why = reason.trim();
        if (verdict.verdict().isSuccessful()) {
            return new BypassDecision(
                    false, who, why, at, verdict.verdict(), "the gate did not block (" + verdict.verdict() + ")");
        }
        if (who.isEmpty() || !policy.bypassAuthority().contains(who)) {
            return new BypassDecision(
                    false,
                    who,
                    why,
                    at,
                    verdict.verdict(),
                    "'" + who + "' is not in gates.bypass.authority " + policy.bypassAuthority());
        }
        if (why.isEmpty()) {
            return new BypassDecision(false, who, why, at, verdict.verdict(), "a bypass needs a reason");
        }
        return new BypassDecision(
                true, who, why, at, verdict.verdict(), who + " bypassed a " + verdict.verdict() + " gate: " + why);
    }
}
