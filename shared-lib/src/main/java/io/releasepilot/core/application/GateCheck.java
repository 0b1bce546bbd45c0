package io.releasepilot.core.application;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.BaselineSource;
import io.releasepilot.core.gate.BypassDecision;
import io.releasepilot.core.gate.GateBypassDecider;
import io.releasepilot.core.gate.GatePlan;
import io.releasepilot.core.gate.GateRecorder;
import io.releasepilot.core.gate.GateVerdict;
import io.releasepilot.core.gate.regression.LedgerBaselineSource;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.ReleaseStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Run a quality gate: the spec's gates (or, without a spec, the seed gates) over the reports given, regression
 * baselines from the environment's last successful release, the verdict recorded on the environment's release in
 * progress, and an audited bypass: only someone in {@code gates.bypass.authority} may bypass a gate that did not
 * pass, with a reason, and a granted bypass is written to the audit trail ({@link GateBypassDecider} decides, at the
 * ports' clock). Without an environment nothing is recorded and no ledger is opened.
 */
public final class GateCheck {

    /**
     * A request to bypass the gate should it not pass.
     *
     * @param actor who asks, with the CI run the audit entry links to
     * @param reason why; a blank reason is refused
     */
    public record Bypass(Actor actor, String reason) {
        public Bypass {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * What the gate evaluates besides the spec.
     *
     * @param reports report files by source type (junit, jacoco, sarif)
     * @param version the version under test, for {@code {{version}}} in the spec's Prometheus queries ("" if none)
     * @param bypass a bypass to apply should the gate not pass
     */
    public record Inputs(Map<String, List<Path>> reports, String version, Optional<Bypass> bypass) {
        public Inputs {
            reports = Map.copyOf(reports);
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(bypass, "bypass");
        }
    }

    /**
     * The gate's result.
     *
     * @param plan the objectives and their sources (their findings become annotations)
     * @param run the verdict and the observations behind it
     * @param bypass the decision on the bypass asked for, granted or refused
     */
    public record Result(GatePlan plan, GatePlan.GateRun run, Optional<BypassDecision> bypass) {
        public Result {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(bypass, "bypass");
        }

        public GateVerdict verdict() {
            return run.verdict();
        }

        /** Whether a bypass was granted: the gate did not pass and is let through anyway. */
        public boolean bypassed() {
            return bypass.map(BypassDecision::granted).orElse(false);
        }
    }

    private final @Nullable ReleaseSpec spec;
    private final @Nullable String environment;
    private final ReleasePorts ports;

    private GateCheck(@Nullable ReleaseSpec spec, @Nullable String environment, ReleasePorts ports) {
        this.spec = spec;
        this.environment = environment;
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    /**
     * The gate of {@code spec} (null: the seed gates), recorded on {@code environment}'s release in progress (null: not
     * recorded). The environment need not be declared in the spec: a gate-only spec declares none.
     */
    public static GateCheck of(@Nullable ReleaseSpec spec, @Nullable String environment, ReleasePorts ports) {
        if (environment != null && spec == null) {
            throw new InvalidInputException(
                    "recording a gate on an environment needs the spec: the service name comes from it");
        }
        return new GateCheck(spec, environment, ports);
    }

    /** Observes the sources, evaluates, records the verdict and decides the bypass, if one was asked for. */
    public Result run(Inputs inputs) {
        String recordedIn = environment;
        if (inputs.bypass().isPresent() && recordedIn == null) {
            throw new InvalidInputException(
                    "a gate bypass is audited in the release ledger: it needs the environment of the release");
        }
        Optional<ReleaseStore> store =
                recordedIn == null ? Optional.empty() : ports.ledger().open();
        try {
            if (inputs.bypass().isPresent() && store.isEmpty()) {
                throw new InvalidInputException(ports.ledger().howToConfigure());
            }
            GatePlan plan = plan(inputs, store, recordedIn);
            GatePlan.GateRun run = plan.run();
            Optional<BypassDecision> bypass = Optional.empty();
            if (store.isPresent() && spec != null && recordedIn != null) {
                GateRecorder recorder = new GateRecorder(store.get(), spec.service(), recordedIn);
                recorder.record(run.verdict());
                if (inputs.bypass().isPresent()) {
                    Bypass asked = inputs.bypass().get();
                    BypassDecision decision = GateBypassDecider.decide(
                            plan.policy(),
                            run.verdict(),
                            asked.actor().name(),
                            asked.reason(),
                            ports.clock().instant());
                    recorder.record(decision, asked.actor().ciRunUrl());
                    bypass = Optional.of(decision);
                }
            }
            return new Result(plan, run, bypass);
        } finally {
            store.ifPresent(s -> ports.ledger().close(s));
        }
    }

    private GatePlan plan(Inputs inputs, Optional<ReleaseStore> store, @Nullable String recordedIn) {
        if (spec == null) {
            return GatePlan.seed(inputs.reports());
        }
        String service = spec.service();
        Optional<BaselineSource> baseline = recordedIn == null
                ? Optional.empty()
                : store.map(s -> new LedgerBaselineSource(s, service, recordedIn));
        return GatePlan.from(
                spec, new GatePlan.Inputs(inputs.reports(), inputs.version(), ports.variables(), baseline));
    }
}
