package io.releasepilot.core.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The release spec, release-pilot.yml: the one contract both front-ends read. Omitted values are filled from
 * {@link SpecDefaults} by the reader, so every component is complete.
 *
 * @param version the spec format version, 1
 * @param traffic the traffic router; empty only for a spec that declares no strategy (gates only)
 * @param versionCheck what every server of the target must show before traffic moves; empty: no check
 * @param processes what the programs the release starts may see, and the extra secrets masked in their output
 */
public record ReleaseSpec(
        int version,
        String service,
        List<EnvironmentSpec> environments,
        StrategySpec strategy,
        Optional<TrafficSpec> traffic,
        MetricsSpec metrics,
        GatesSpec gates,
        RollbackSpec rollback,
        StateSpec state,
        VersioningSpec versioning,
        List<NotificationSpec> notifications,
        Optional<VersionCheckSpec> versionCheck,
        ProcessesSpec processes) {
    /** What a service name looks like: it goes into labels, tags, lock keys and file names. */
    public static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public ReleaseSpec {
        if (version != SpecDefaults.SPEC_VERSION) {
            throw new IllegalArgumentException(
                    "spec version must be " + SpecDefaults.SPEC_VERSION + ", got " + version);
        }
        if (!SERVICE_NAME.matcher(Require.text(service, "service")).matches()) {
            throw new IllegalArgumentException("service must match " + SERVICE_NAME + ", got '" + service + "'");
        }
        environments = Require.list(environments, "environments");
        Require.present(strategy, "strategy");
        Require.optional(traffic, "traffic");
        Require.present(metrics, "metrics");
        Require.present(gates, "gates");
        Require.present(rollback, "rollback");
        Require.present(state, "state");
        Require.present(versioning, "versioning");
        notifications = Require.list(notifications, "notifications");
        Require.optional(versionCheck, "versionCheck");
        Require.present(processes, "processes");
    }

    /** The full default spec for {@code service}: what the demo runs and what {@code gate} uses without a spec. */
    public static ReleaseSpec defaults(String service) {
        return SpecDefaults.spec(service);
    }

    /** The traffic target of {@code environment}: its own {@code traffic}, else the spec's top-level one. */
    public Optional<TrafficSpec> trafficFor(String environment) {
        return environment(environment).flatMap(EnvironmentSpec::traffic).or(() -> traffic);
    }

    /**
     * The spec as a release in {@code environment} runs it: that environment's traffic target is the traffic section,
     * and its metric label values are written into the queries ({@code {{label.NAME}}}). An environment the spec does
     * not declare gets the spec unchanged.
     */
    public ReleaseSpec forEnvironment(String environment) {
        Optional<EnvironmentSpec> declared = environment(environment);
        if (declared.isEmpty()) {
            return this;
        }
        Map<String, String> labels = declared.get().metricLabels();
        MetricsSpec labelled = new MetricsSpec(
                metrics.prometheus()
                        .map(p -> new PrometheusSpec(
                                p.url(), p.timeout(), p.tokenEnv(), withLabels(p.queries(), labels))),
                metrics.healthCheck());
        return new ReleaseSpec(
                version,
                service,
                environments,
                strategy,
                trafficFor(environment),
                labelled,
                gates,
                rollback,
                state,
                versioning,
                notifications,
                versionCheck,
                processes);
    }

    /** The queries with every {@code {{label.NAME}}} replaced by the environment's value (others left as written). */
    static Map<String, String> withLabels(Map<String, String> queries, Map<String, String> labels) {
        Map<String, String> result = new LinkedHashMap<>();
        queries.forEach((name, query) -> {
            String text = query;
            for (Map.Entry<String, String> label : labels.entrySet()) {
                text = text.replace("{{label." + label.getKey() + "}}", label.getValue());
            }
            result.put(name, text);
        });
        return result;
    }

    /** The environment called {@code name}, if the spec declares it. */
    public Optional<EnvironmentSpec> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
