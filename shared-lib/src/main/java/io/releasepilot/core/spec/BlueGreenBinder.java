package io.releasepilot.core.spec;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Binds {@code strategy.blueGreen}: the deploy and retire hooks, the smoke checks and the windows after the switch. */
final class BlueGreenBinder {
    private final SpecValues values;
    private final SpecReferences references;

    BlueGreenBinder(SpecValues values) {
        this.values = values;
        this.references = new SpecReferences(values);
    }

    Bound<BlueGreenSpec> bind(Mapping o) {
        Parts parts = values.parts();
        Bound<Optional<HookSpec>> deploy = parts.add(hook(parts, o, "deploy", SpecDefaults.HOOK_DEPLOY_TIMEOUT));
        List<SmokeCheckSpec> checks = new ArrayList<>();
        for (Mapping c : parts.objects(o, "smokeChecks", "strategy.blueGreen.smokeChecks[]")) {
            parts.add(smokeCheck(c)).ifValid(checks::add);
        }
        Bound<Duration> watch = parts.add(values.duration(o, "watchWindow", SpecDefaults.WATCH_WINDOW, false));
        Bound<Duration> delay = parts.add(values.duration(o, "scaleDownDelay", SpecDefaults.SCALE_DOWN_DELAY, false));
        Bound<Optional<HookSpec>> retire = parts.add(hook(parts, o, "retire", SpecDefaults.HOOK_RETIRE_TIMEOUT));
        return parts.build(
                o, () -> new BlueGreenSpec(deploy.value(), checks, watch.value(), delay.value(), retire.value()));
    }

    private Bound<SmokeCheckSpec> smokeCheck(Mapping c) {
        Parts parts = values.parts();
        Bound<URI> url = parts.add(references.url(c, "url"));
        Bound<Integer> status = parts.add(values.integer(c, "expectStatus", SpecDefaults.EXPECT_STATUS, 100, 599));
        Bound<Duration> timeout = parts.add(values.duration(c, "timeout", SpecDefaults.SMOKE_CHECK_TIMEOUT, true));
        return parts.build(c, () -> new SmokeCheckSpec(url.value(), status.value(), timeout.value()));
    }

    /** The hook at {@code key}, opened by the blue-green section's {@code parts}; empty when there is none. */
    private Bound<Optional<HookSpec>> hook(Parts blueGreen, Mapping parent, String key, Duration defaultTimeout) {
        return hook(blueGreen, parent, key, "strategy.blueGreen." + key, defaultTimeout);
    }

    /** The hook at {@code key} of a strategy section (catalog path {@code catalogPath}); empty when there is none. */
    Bound<Optional<HookSpec>> hook(
            Parts owner, Mapping parent, String key, String catalogPath, Duration defaultTimeout) {
        Optional<Mapping> section = owner.object(parent, key, catalogPath);
        if (section.isEmpty()) {
            return Bound.of(Optional.empty());
        }
        Mapping o = section.get();
        Parts parts = values.parts();
        Bound<List<String>> command = parts.add(references.command(o, "command", null));
        Bound<Duration> timeout = parts.add(values.duration(o, "timeout", defaultTimeout, true));
        return parts.build(o, () -> new HookSpec(command.value(), timeout.value()))
                .map(Optional::of);
    }
}
