package io.releasepilot.core.spec;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The release spec, release-pilot.yml: the one contract both front-ends read. Omitted values are filled from
 * {@link SpecDefaults} by the reader, so every component is complete.
 *
 * @param version the spec format version, 1
 * @param traffic the traffic router; empty only for a spec that declares no strategy (gates only)
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
        Require.present(processes, "processes");
    }

    /** The full default spec for {@code service}: what the demo runs and what {@code gate} uses without a spec. */
    public static ReleaseSpec defaults(String service) {
        return SpecDefaults.spec(service);
    }

    /** The environment called {@code name}, if the spec declares it. */
    public Optional<EnvironmentSpec> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
