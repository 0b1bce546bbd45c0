package io.releasepilot.core.application;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.prometheus.PrometheusClient;
import io.releasepilot.core.process.ProcessLauncher;
import io.releasepilot.core.process.local.LocalProcessLauncher;
import io.releasepilot.core.rollout.ReleaseSignals;
import io.releasepilot.core.rollout.Sleeper;
import io.releasepilot.core.rollout.http.HttpReleaseSignals;
import io.releasepilot.core.spec.PrometheusSpec;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.command.ExternalCommand;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a host hands the use cases besides the spec: the ledger, the variables secrets are read from (Prometheus
 * tokens named by the spec), how a spec becomes a traffic router and release signals, the clock and how to wait. {@link
 * #standard} is what every host uses; the {@code with…} methods replace one port (the demo routes through its own
 * proxies and observes its own load; Jenkins may override the Prometheus URL).
 *
 * @param ledger the release ledger
 * @param variables the process environment, for the secrets the spec names
 * @param routers the traffic router for a spec (default: its {@code traffic} section through the registry)
 * @param signals the metrics and health checks of a live release for a spec (default: its {@code metrics} section)
 * @param clock the time
 * @param sleeper how to wait between evaluations
 * @param launcher where the programs of a release (hooks, the command router, NGINX test and reload) run; they run
 *     under the policy {@link ReleaseProcesses} derives from the spec and {@code variables}
 */
public record ReleasePorts(
        Ledger ledger,
        Map<String, String> variables,
        Function<ReleaseSpec, TrafficRouter> routers,
        Function<ReleaseSpec, ReleaseSignals> signals,
        Clock clock,
        Sleeper sleeper,
        ProcessLauncher launcher) {

    /** How long a query to a host's Prometheus may take when the spec names no Prometheus of its own. */
    static final Duration DEFAULT_PROMETHEUS_TIMEOUT = Duration.ofSeconds(10);

    public ReleasePorts {
        Objects.requireNonNull(ledger, "ledger");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(routers, "routers");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(launcher, "launcher");
    }

    /** The spec's router and signals, the system clock and real waiting. */
    public static ReleasePorts standard(Ledger ledger, Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        ProcessLauncher launcher = new LocalProcessLauncher();
        return new ReleasePorts(
                ledger,
                copy,
                spec -> specRouter(spec, copy, launcher),
                spec -> HttpReleaseSignals.from(spec, copy),
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                launcher);
    }

    /** The router the spec's {@code traffic} section describes; its programs run in isolation (no host variable). */
    public static TrafficRouter specRouter(ReleaseSpec spec) {
        return TrafficRouterRegistry.create(settings(spec));
    }

    /**
     * The router the spec's {@code traffic} section describes; its programs run through {@code launcher} under the
     * release's process policy on a host whose variables are {@code variables}.
     */
    public static TrafficRouter specRouter(ReleaseSpec spec, Map<String, String> variables, ProcessLauncher launcher) {
        return TrafficRouterRegistry.create(settings(spec), ReleaseProcesses.commands(spec, variables, launcher));
    }

    private static TrafficRouterSettings settings(ReleaseSpec spec) {
        return TrafficRouterSettings.from(spec.traffic()
                .orElseThrow(() -> new InvalidInputException("the spec has no traffic section: nothing to route")));
    }

    /** How {@code spec}'s hooks run: through this launcher, under the policy of the spec on this host. */
    public ExternalCommand commands(ReleaseSpec spec) {
        return ReleaseProcesses.commands(spec, variables, launcher);
    }

    /**
     * Programs run through {@code launcher} (a Jenkins agent's, say); the routers become the spec's routers running
     * their programs there, so replace routers after this, not before.
     */
    public ReleasePorts withLauncher(ProcessLauncher launcher) {
        Map<String, String> copy = variables;
        return new ReleasePorts(
                ledger, variables, spec -> specRouter(spec, copy, launcher), signals, clock, sleeper, launcher);
    }

    public ReleasePorts withRouters(Function<ReleaseSpec, TrafficRouter> routers) {
        return new ReleasePorts(ledger, variables, routers, signals, clock, sleeper, launcher);
    }

    public ReleasePorts withSignals(Function<ReleaseSpec, ReleaseSignals> signals) {
        return new ReleasePorts(ledger, variables, routers, signals, clock, sleeper, launcher);
    }

    /**
     * The spec's release signals read from the host's own Prometheus at {@code url} instead of the spec's {@code
     * metrics.prometheus.url}; the queries, timeout and token variable stay the spec's, the token is read from {@code
     * tokens}.
     */
    public ReleasePorts withPrometheus(URI url, Map<String, String> tokens) {
        Map<String, String> copy = Map.copyOf(tokens);
        return withSignals(spec -> {
            Optional<PrometheusSpec> prometheus = spec.metrics().prometheus();
            PrometheusClient client = new PrometheusClient(
                    url,
                    prometheus.map(PrometheusSpec::timeout).orElse(DEFAULT_PROMETHEUS_TIMEOUT),
                    prometheus.flatMap(PrometheusSpec::tokenEnv).map(copy::get));
            return new HttpReleaseSignals(
                    Optional.of(client),
                    prometheus.map(PrometheusSpec::queries).orElse(Map.of()),
                    spec.metrics().healthCheck());
        });
    }

    public ReleasePorts withClock(Clock clock, Sleeper sleeper) {
        return new ReleasePorts(ledger, variables, routers, signals, clock, sleeper, launcher);
    }
}
