package io.releasepilot.core.application;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.spec.HookSpec;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.Slot;
import io.releasepilot.core.state.SlotMap;
import io.releasepilot.core.state.SlotState;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.SlotPools;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.command.ExternalCommand;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a manual rollback with nothing in progress sends the traffic: the idle slot that still holds the previous good
 * version; when no slot does (retired, or overwritten by a later release), that version is redeployed to the idle slot
 * by the spec's deploy hook first, and without a hook the rollback is refused, saying so.
 */
final class SlotReturn {
    private final ReleaseSession session;

    SlotReturn(ReleaseSession session) {
        this.session = session;
    }

    /** The router oriented with the destination slot live, after redeploying {@code version} there if needed. */
    TrafficRouter destination(Release rollback, String version, Actor actor) {
        ReleaseStore store = session.store();
        TrafficRouter router = session.router();
        SlotMap map = store.slots(session.service(), session.environment());
        if (map.isEmpty()) {
            // No slot map (a ledger from before slots): the spec's first slot is where the last good version was.
            return session.ports().routers().apply(session.environmentSpec());
        }
        SlotPools slots = router.slots();
        Optional<Slot> holding = map.idleHolding(version);
        if (holding.isPresent()) {
            return router.withLive(holding.get().name());
        }
        String idle = slots.target();
        Optional<HookSpec> deploy = deployHook(session.environmentSpec());
        if (deploy.isEmpty()) {
            store.finish(
                    rollback.id(),
                    ReleaseState.FAILED,
                    actor,
                    "no slot holds " + version + " any more and there is no deploy hook");
            throw new InvalidInputException("no slot of " + session.service() + " in " + session.environment()
                    + " still holds " + version + " (slot map: " + map.describe() + "); add a deploy hook"
                    + " (strategy.canary.deploy or strategy.blueGreen.deploy) so rollback can redeploy it to the idle"
                    + " slot, or release " + version + " again");
        }
        store.recordSlots(
                session.service(), session.environment(), List.of(new Slot.Change(idle, version, SlotState.DEPLOYING)));
        Map<String, String> variables = new HashMap<>();
        variables.put("RP_SERVICE", session.service());
        variables.put("RP_ENVIRONMENT", session.environment());
        variables.put("RP_VERSION", version);
        variables.put("RP_SLOT", idle);
        variables.put("RP_SLOT_SERVERS", String.join(" ", slots.servers(idle)));
        variables.put("RP_LIVE_SLOT", slots.live());
        variables.put("RP_TARGET_SLOT", idle);
        variables.put(
                "RP_PREVIOUS_VERSION",
                map.live().map(s -> Objects.toString(s.version(), "")).orElse(""));
        boolean succeeded;
        Integer exit = null;
        String output;
        try {
            ExternalCommand.Result run = session.ports()
                    .commands(session.environmentSpec())
                    .execute(deploy.get().command(), variables, deploy.get().timeout());
            succeeded = run.succeeded();
            exit = run.exitCode();
            output = run.quotedOutput();
        } catch (ReleasePilotException e) {
            succeeded = false;
            output = String.valueOf(e.getMessage());
        }
        store.recordStep(
                rollback.id(),
                new NewStep(0, new StepDetail.Hook("deploy", deploy.get().command(), exit, output, succeeded)));
        if (!succeeded) {
            store.recordSlots(
                    session.service(), session.environment(), List.of(new Slot.Change(idle, null, SlotState.IDLE)));
            store.finish(
                    rollback.id(),
                    ReleaseState.FAILED,
                    actor,
                    "redeploying " + version + " to slot " + idle + " failed; traffic stays on slot " + slots.live());
            throw new InvalidInputException("redeploying " + version + " to slot " + idle + " failed (" + output
                    + "); traffic stays on slot " + slots.live());
        }
        return router.withLive(idle);
    }

    private static Optional<HookSpec> deployHook(ReleaseSpec spec) {
        Optional<HookSpec> canary = spec.strategy().canary().deploy();
        Optional<HookSpec> blueGreen = spec.strategy().blueGreen().deploy();
        return spec.strategy().type() == ReleaseStrategy.BLUE_GREEN
                ? blueGreen.or(() -> canary)
                : canary.or(() -> blueGreen);
    }
}
