package io.releasepilot.core.spec;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a {@link YamlNode} tree to a {@link ReleaseSpec}: the top-level keys here, each section by its own binder over
 * the shared {@link SpecValues}. Every problem is collected, in the order found; a record is only built from parts
 * that had none. A section's mapping is opened (and its unknown keys reported) by the binder that holds it.
 */
final class SpecBinder {
    private SpecBinder() {}

    static Bound<ReleaseSpec> bind(String file, YamlNode root) {
        SpecValues values = new SpecValues(file);
        if (root.kind != YamlNode.Kind.MAPPING) {
            return values.problem(
                    root,
                    "",
                    "the spec must be a mapping of keys, got " + root.describe(),
                    "start with 'service: <name>'");
        }
        Parts document = values.parts();
        Mapping o = document.open(root, "", "");
        Bound<ReleaseSpec> spec = document.add(spec(values, o));
        return document.isClean() ? spec : Bound.invalid(document.problems());
    }

    private static Bound<ReleaseSpec> spec(SpecValues values, Mapping o) {
        Parts parts = values.parts();
        Bound<Integer> version =
                parts.add(values.integer(o, "version", SpecDefaults.SPEC_VERSION, 0, Integer.MAX_VALUE));
        if (version.isValid() && version.value() != SpecDefaults.SPEC_VERSION) {
            parts.problem(
                    o.get("version"),
                    "version",
                    "unsupported spec version " + version.value(),
                    "this release-pilot reads version " + SpecDefaults.SPEC_VERSION);
        }
        Bound<String> service =
                parts.add(values.text(o, "service", null, "name the service, e.g. 'service: checkout'"));
        if (service.isValid()
                && !ReleaseSpec.SERVICE_NAME.matcher(service.value()).matches()) {
            parts.problem(
                    o.get("service"),
                    "service",
                    "'" + service.value() + "' is not a valid service name",
                    "lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 63");
        }
        String queryService = service.isValid() ? service.value() : "service";
        MetricsBinder.Metrics metrics =
                new MetricsBinder(values).bind(o, parts.object(o, "metrics", "metrics"), queryService);
        parts.add(metrics.spec());
        Set<String> metricNames = metrics.names();
        Bound<List<EnvironmentSpec>> environments = parts.add(new EnvironmentsBinder(values).bind(o));
        Bound<StrategySpec> strategy = parts.add(parts.object(o, "strategy", "strategy")
                .map(s -> new StrategyBinder(values, metricNames).bind(o, s))
                .orElseGet(() -> Bound.of(SpecDefaults.strategy())));
        Bound<Optional<TrafficSpec>> traffic = parts.add(parts.object(o, "traffic", "traffic")
                .map(t -> new TrafficBinder(values).bind(t).map(Optional::of))
                .orElseGet(() -> Bound.of(Optional.empty())));
        Bound<GatesSpec> gates = parts.add(parts.object(o, "gates", "gates")
                .map(g -> new GatesBinder(values, metricNames).bind(g))
                .orElseGet(() -> Bound.of(SpecDefaults.gates())));
        Bound<RollbackSpec> rollback = parts.add(parts.object(o, "rollback", "rollback")
                .map(r -> new RollbackBinder(values, metricNames).bind(r))
                .orElseGet(() -> Bound.of(SpecDefaults.rollback())));
        Bound<StateSpec> state = parts.add(parts.object(o, "state", "state")
                .map(s -> new StateBinder(values).bind(s))
                .orElseGet(() -> Bound.of(SpecDefaults.state())));
        Bound<VersioningSpec> versioning = parts.add(parts.object(o, "versioning", "versioning")
                .map(v -> new VersioningBinder(values).bind(v))
                .orElseGet(() -> Bound.of(SpecDefaults.versioning())));
        Bound<List<NotificationSpec>> notifications = parts.add(new NotificationsBinder(values).bind(o));
        Bound<Optional<VersionCheckSpec>> versionCheck = parts.add(parts.object(o, "versionCheck", "versionCheck")
                .map(v -> new VersionCheckBinder(values).bind(v).map(Optional::of))
                .orElseGet(() -> Bound.of(Optional.empty())));
        Bound<ProcessesSpec> processes = parts.add(parts.object(o, "processes", "processes")
                .map(p -> new ProcessesBinder(values).bind(p))
                .orElseGet(() -> Bound.of(ProcessesSpec.none())));
        return parts.build(
                o,
                () -> new ReleaseSpec(
                        version.value(),
                        service.value(),
                        environments.value(),
                        strategy.value(),
                        traffic.value(),
                        metrics.spec().value(),
                        gates.value(),
                        rollback.value(),
                        state.value(),
                        versioning.value(),
                        notifications.value(),
                        versionCheck.value(),
                        processes.value()));
    }
}
