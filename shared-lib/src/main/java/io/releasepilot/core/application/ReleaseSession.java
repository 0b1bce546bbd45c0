package io.releasepilot.core.application;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.rollout.ProgressListener;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.rollout.VerifyPlan;
import io.releasepilot.core.rollout.engine.ReleaseEngine;
import io.releasepilot.core.rollout.http.HttpServerVersions;
import io.releasepilot.core.spec.EnvironmentSpec;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecFile;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.traffic.TrafficRouter;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What every release use case starts from: the spec, one environment it declares (or, for the operator actions of a
 * host that has no spec at hand, just a service and an environment), and the ports. A spec read from its file ({@link
 * SpecFile}) comes with the SHA-256 of its bytes, which every release the session starts records. The ledger is opened on first use
 * and closed with the session; the router is built once. {@link #engine} is the one place that builds a {@link
 * ReleaseEngine}.
 */
public final class ReleaseSession implements AutoCloseable {
    private final @Nullable ReleaseSpec spec;
    private final @Nullable String specHash;
    private final String service;
    private final String environment;
    private final ReleasePorts ports;
    private @Nullable ReleaseStore store;
    private @Nullable TrafficRouter router;

    private ReleaseSession(
            @Nullable ReleaseSpec spec,
            @Nullable String specHash,
            String service,
            String environment,
            ReleasePorts ports) {
        this.spec = spec;
        this.specHash = specHash;
        this.service = service;
        this.environment = environment;
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    /** A session on {@code environment}, which the spec must declare; its releases record the file's hash. */
    public static ReleaseSession open(SpecFile spec, String environment, ReleasePorts ports) {
        return new ReleaseSession(
                spec.spec(), spec.hash(), spec.spec().service(), declared(spec.spec(), environment), ports);
    }

    /**
     * A session on {@code environment} for a spec that was not read from a file (a test's, say): its releases record
     * no spec hash.
     */
    public static ReleaseSession open(ReleaseSpec spec, String environment, ReleasePorts ports) {
        return new ReleaseSession(spec, null, spec.service(), declared(spec, environment), ports);
    }

    /**
     * A session for a host that may lack the spec (a Jenkins operator step outside a node): the service given wins
     * over the spec's, and a spec, when there is one, must declare the environment.
     */
    public static ReleaseSession open(
            @Nullable SpecFile spec, @Nullable String service, String environment, ReleasePorts ports) {
        if (spec != null) {
            String declared = declared(spec.spec(), environment);
            return new ReleaseSession(
                    spec.spec(),
                    spec.hash(),
                    service != null ? service : spec.spec().service(),
                    declared,
                    ports);
        }
        if (service == null || service.isBlank()) {
            throw new InvalidInputException("name the service, or give the spec it comes from");
        }
        if (environment == null || environment.isBlank()) {
            throw new InvalidInputException("name the environment of the release");
        }
        return new ReleaseSession(null, null, service, environment, ports);
    }

    private static String declared(ReleaseSpec spec, String environment) {
        if (environment == null || environment.isBlank()) {
            throw new InvalidInputException("name the environment of the release (declared: "
                    + spec.environments().stream().map(EnvironmentSpec::name).toList() + ")");
        }
        if (spec.environment(environment).isEmpty()) {
            throw new InvalidInputException("environment '" + environment + "' is not declared in the spec (declared: "
                    + spec.environments().stream().map(EnvironmentSpec::name).toList() + ")");
        }
        return environment;
    }

    /** The spec; a use case that needs it (routing, a rollout) fails clearly without one. */
    public ReleaseSpec spec() {
        if (spec == null) {
            throw new InvalidInputException(
                    "this needs the spec of '" + service + "' (its traffic and strategy sections)");
        }
        return spec;
    }

    public Optional<ReleaseSpec> specIfAny() {
        return Optional.ofNullable(spec);
    }

    /** SHA-256 of the spec file the session was opened with, recorded with every release it starts; null without. */
    public @Nullable String specHash() {
        return specHash;
    }

    public String service() {
        return service;
    }

    public String environment() {
        return environment;
    }

    public ReleasePorts ports() {
        return ports;
    }

    /** The ledger, opened on first use; fails with the host's instructions when it has none. */
    public ReleaseStore store() {
        if (store == null) {
            store = ports.ledger()
                    .open()
                    .orElseThrow(() -> new InvalidInputException(ports.ledger().howToConfigure()));
        }
        return store;
    }

    /**
     * The environment's traffic target (its own {@code traffic}, else the spec's), built on first use and oriented by
     * the ledger's slot map: its live slot is the stable side of every split.
     */
    public TrafficRouter router() {
        if (router == null) {
            router = SlotRouting.router(ports.routers(), spec(), environment, store());
        }
        return router;
    }

    /** The spec as this session's environment runs it: its traffic target and its metric label values. */
    public ReleaseSpec environmentSpec() {
        return spec().forEnvironment(environment);
    }

    /** The engine that runs this session's releases, reporting progress to {@code listener}. */
    public ReleaseEngine engine(ProgressListener listener) {
        ReleaseSpec releaseSpec = environmentSpec();
        return new ReleaseEngine(
                store(),
                router(),
                ports.signals().apply(releaseSpec),
                RolloutPlan.from(releaseSpec),
                ports.clock(),
                ports.sleeper(),
                listener,
                VerifyPlan.from(releaseSpec, new HttpServerVersions()),
                ports.commands(releaseSpec));
    }

    /** A release's outcome as the ledger has it, with its report. */
    public ReleaseOutcome outcome(Release release) {
        return ReleaseEngine.outcome(store(), release);
    }

    @Override
    public void close() {
        if (store != null) {
            ReleaseStore opened = store;
            store = null;
            ports.ledger().close(opened);
        }
    }
}
