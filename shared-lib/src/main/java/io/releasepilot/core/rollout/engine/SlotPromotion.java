package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.rollout.HookResult;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.spec.Promotion;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.SlotPools;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficRouterException;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a successful release does with the slots, as {@code traffic.promotion} says: {@code swap} makes the target
 * slot live in the ledger (the traffic is already there); {@code copy-to-stable} redeploys the live pool with the new
 * version one server at a time (drained, deployed by the hook, readied), moves all traffic back to it and empties the
 * target slot (Flagger's primary/canary).
 */
final class SlotPromotion {
    private final EnginePorts ports;
    private final UUID id;
    private final RunReporter reporter;

    SlotPromotion(EnginePorts ports, UUID id, RunReporter reporter) {
        this.ports = ports;
        this.id = id;
        this.reporter = reporter;
    }

    void promote(Release release, boolean oldLiveRetired, Optional<RolloutPlan.Hook> deploy) {
        SlotKeeper slots = ports.slots();
        if (ports.plan().promotion() == Promotion.SWAP) {
            reporter.progress(
                    release,
                    Duration.ZERO,
                    "slot map: " + slots.swapped(release, oldLiveRetired).describe());
            return;
        }
        copyToStable(release, slots, deploy);
    }

    private void copyToStable(Release release, SlotKeeper keeper, Optional<RolloutPlan.Hook> deploy) {
        TrafficRouter router = ports.router();
        SlotPools slots = keeper.slots();
        Hooks hooks = new Hooks(ports, id, reporter);
        int step = release.currentStep();
        for (String server : slots.liveServers()) {
            if (router.drainsServers()) {
                router.setReady(server, false);
            }
            HookResult result = hooks.run("deploy", deploy, release, step, slots.live(), List.of(server));
            if (router.drainsServers()) {
                router.setReady(server, true);
            }
            if (result != HookResult.SUCCEEDED) {
                // The target slot still carries all traffic with the good new version: nothing is lost, but the
                // live pool is mixed; the operator fixes the hook and redeploys.
                throw new TrafficRouterException("copy-to-stable: the deploy hook failed on " + server + " of slot "
                        + slots.live() + "; traffic stays on slot " + slots.target() + " with " + release.version());
            }
        }
        ports.record(
                id,
                step,
                new StepDetail.TrafficIntent(TrafficSplit.ALL_STABLE, "copy-to-stable: live pool redeployed"));
        RouterState state = router.apply(TrafficSplit.ALL_STABLE);
        ports.record(
                id,
                step,
                new StepDetail.TrafficApplied(
                        TrafficSplit.ALL_STABLE, state.routerType(), state.split(), "copy-to-stable: target emptied"));
        reporter.progress(
                release,
                Duration.ZERO,
                "copy-to-stable: slot map: " + keeper.copied(release, false).describe());
    }
}
