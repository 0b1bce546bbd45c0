package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.core.rollout.HookResult;
import io.releasepilot.core.rollout.ReleaseSignals;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.rollout.http.HttpReleaseSignals;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.command.ExternalCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a release's hooks (deploy on the target slot, retire on the slot that stopped being live) through {@link ExternalCommand} and its smoke checks as HTTP
 * probes; each result is a ledger step and a progress line. A hook that cannot even start is FAILED, never an
 * exception out of the run.
 */
final class Hooks {
    /** The name of a blue-green smoke check's probe. */
    private static final String SMOKE_CHECK = "smokeCheck";

    private final EnginePorts ports;
    private final UUID id;
    private final RunReporter reporter;

    Hooks(EnginePorts ports, UUID id, RunReporter reporter) {
        this.ports = ports;
        this.id = id;
        this.reporter = reporter;
    }

    /**
     * Runs the hook against {@code slot} (SUCCEEDED when none is configured) and records it under {@code step}. The
     * hook gets the slot, its servers, the version and the previous version as {@code RP_*} variables.
     */
    HookResult run(String name, Optional<RolloutPlan.Hook> hook, Release current, int step, String slot) {
        return run(name, hook, current, step, slot, ports.router().slots().servers(slot));
    }

    /** As {@link #run(String, Optional, Release, int, String)} against some of the slot's servers. */
    HookResult run(
            String name,
            Optional<RolloutPlan.Hook> hook,
            Release current,
            int step,
            String slot,
            List<String> servers) {
        HookResult result;
        List<String> command = hook.map(RolloutPlan.Hook::command).orElse(List.of());
        Integer exitCode = null;
        String output;
        if (hook.isEmpty()) {
            result = HookResult.SUCCEEDED;
            output = "no " + name + " hook configured";
        } else {
            try {
                ExternalCommand.Result run = ports.commands()
                        .execute(
                                hook.get().command(),
                                hookEnvironment(current, slot, servers),
                                hook.get().timeout());
                result = run.succeeded() ? HookResult.SUCCEEDED : HookResult.FAILED;
                exitCode = run.exitCode();
                output = run.quotedOutput();
            } catch (ReleasePilotException e) {
                result = HookResult.FAILED;
                output = String.valueOf(e.getMessage());
            }
        }
        ports.record(id, step, new StepDetail.Hook(name, command, exitCode, output, result == HookResult.SUCCEEDED));
        reporter.progress(current, Duration.ZERO, name + " hook on slot " + slot + " " + servers + " " + result);
        return result;
    }

    /** Probes every smoke check of the plan; SUCCEEDED when all answered as expected. */
    HookResult smokeChecks(Release current, int step) {
        List<StepDetail.SmokeChecks.Check> checks = new ArrayList<>();
        boolean all = true;
        for (RolloutPlan.SmokeCheck check : ports.plan().smokeChecks()) {
            boolean ok = ReleaseSignals.healthy(
                    Analysis.observe(
                            HttpReleaseSignals.probe(SMOKE_CHECK, check.url(), check.expectStatus(), check.timeout())),
                    SMOKE_CHECK);
            all &= ok;
            checks.add(new StepDetail.SmokeChecks.Check(check.url().toString(), check.expectStatus(), ok));
        }
        HookResult result = all ? HookResult.SUCCEEDED : HookResult.FAILED;
        ports.record(id, step, new StepDetail.SmokeChecks(checks, all));
        reporter.progress(current, Duration.ZERO, "smoke checks " + result);
        return result;
    }

    /**
     * The slot's variables (service, environment, versions, slots, servers) plus the release id. Not
     * {@link HookEnvironment#of}: every key it sets but the id is the slot's here, and it would read the ledger again.
     */
    private Map<String, String> hookEnvironment(Release current, String slot, List<String> servers) {
        Map<String, String> env = new LinkedHashMap<>(ports.slots().hookVariables(current, slot, servers));
        env.put("RP_RELEASE_ID", current.id().toString());
        return env;
    }
}
