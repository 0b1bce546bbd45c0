package io.releasepilot.core.rollout;

import io.releasepilot.core.spec.ReadBackAction;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecDefaults;
import io.releasepilot.core.spec.TrafficSpec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine verifies around traffic: the version check before the first change, what a router whose read-back
 * differs from the intent leads to, and the release's target as hooks are told of it ({@code RP_SLOT},
 * {@code RP_SLOT_SERVERS}).
 *
 * @param versionCheck the check; empty when the spec has none
 * @param serverVersions how a server's version page is fetched
 * @param onReadBackMismatch pause or roll back when the router does not carry the weights asked for
 * @param readBackRetries how many times a differing read-back is read again before it counts as a mismatch
 * @param readBackDelay the wait between two read-backs
 * @param slot the name of the target the release moves traffic to (today the canary server; later the idle slot)
 * @param slotServers the target's servers: addresses when known, else the router's server names
 */
public record VerifyPlan(
        Optional<VersionCheck> versionCheck,
        ServerVersions serverVersions,
        ReadBackAction onReadBackMismatch,
        int readBackRetries,
        Duration readBackDelay,
        String slot,
        List<String> slotServers) {
    /** Read-backs are retried for about a second: long enough for a reload, short enough to stop a bad step. */
    public static final int READ_BACK_RETRIES = 5;

    public static final Duration READ_BACK_DELAY = Duration.ofMillis(200);

    public VerifyPlan {
        Objects.requireNonNull(versionCheck, "versionCheck");
        Objects.requireNonNull(serverVersions, "serverVersions");
        Objects.requireNonNull(onReadBackMismatch, "onReadBackMismatch");
        if (readBackRetries < 0) {
            throw new IllegalArgumentException("readBackRetries must be >= 0, got " + readBackRetries);
        }
        Objects.requireNonNull(readBackDelay, "readBackDelay");
        Objects.requireNonNull(slot, "slot");
        slotServers = List.copyOf(slotServers);
    }

    /** No version check, pause on a read-back mismatch, no target named: what an engine built without a spec does. */
    public static VerifyPlan none() {
        return new VerifyPlan(
                Optional.empty(),
                (url, timeout) -> new ServerVersions.Answer.Unreachable("no version check configured"),
                SpecDefaults.ON_READ_BACK_MISMATCH,
                READ_BACK_RETRIES,
                READ_BACK_DELAY,
                "",
                List.of());
    }

    /** The plan of {@code spec}, fetching versions through {@code serverVersions}. */
    public static VerifyPlan from(ReleaseSpec spec, ServerVersions serverVersions) {
        Optional<VersionCheck> check = VersionCheck.from(spec);
        Optional<TrafficSpec> traffic = spec.traffic();
        // The slot a first release targets; the engine's slot map names the real target, and an empty server list
        // makes the version check ask the router for the target slot's pool.
        String slot = traffic.map(t -> t.slots().names().get(1)).orElse(traffic.isPresent() ? "canary" : "");
        List<String> servers = check.map(VersionCheck::servers).orElse(List.of());
        return new VerifyPlan(
                check,
                serverVersions,
                traffic.map(TrafficSpec::onReadBackMismatch).orElse(SpecDefaults.ON_READ_BACK_MISMATCH),
                READ_BACK_RETRIES,
                READ_BACK_DELAY,
                slot,
                servers);
    }
}
