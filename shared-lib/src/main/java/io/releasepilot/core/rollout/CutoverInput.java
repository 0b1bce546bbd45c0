package io.releasepilot.core.rollout;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything the cutover decider needs at one evaluation, as the engine reads it from the ledger.
 *
 * @param phase the recorded phase
 * @param phaseStartedAt when that phase was entered
 * @param deploy result of the deploy hook for green
 * @param smokeChecks result of the smoke checks against green
 * @param retire result of the retire hook for blue
 * @param operator pause / promote / abort requests
 * @param triggers the latest rollback-trigger decision
 * @param now the evaluation instant
 */
public record CutoverInput(
        CutoverPhase phase,
        Instant phaseStartedAt,
        HookResult deploy,
        HookResult smokeChecks,
        HookResult retire,
        OperatorState operator,
        TriggerDecision triggers,
        Instant now) {
    public CutoverInput {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(phaseStartedAt, "phaseStartedAt");
        Objects.requireNonNull(deploy, "deploy");
        Objects.requireNonNull(smokeChecks, "smokeChecks");
        Objects.requireNonNull(retire, "retire");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(triggers, "triggers");
        Objects.requireNonNull(now, "now");
    }
}
