package io.releasepilot.cli.demo;

import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.gate.prometheus.PrometheusGateSource;
import io.releasepilot.core.rollout.ReleaseSignals;
import io.releasepilot.core.rollout.http.HttpReleaseSignals;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's signals, where there is no Prometheus: error rate and P95 latency per version as the load generator saw
 * them over the last window (the client-side view a load tester has), answered under the query names the demo's spec
 * gives them so the step criteria read them as they would read Prometheus; and the health check as the usual HTTP
 * probe. A version with too few answers in the window has no value (missing data), never a pass.
 */
public final class ObservedReleaseSignals implements ReleaseSignals {
    private static final int MIN_SAMPLES = 5;

    private final LoadGenerator load;
    private final Duration window;
    private final Optional<GateSource> health;

    public ObservedReleaseSignals(LoadGenerator load, Duration window, Optional<URI> health) {
        this.load = load;
        this.window = window;
        this.health = health.map(url -> HttpReleaseSignals.probe(HEALTH_CHECK, url, 200, Duration.ofSeconds(1)));
    }

    @Override
    public GateSource metrics(List<String> names, String version) {
        return new GateSource() {
            @Override
            public String type() {
                return PrometheusGateSource.TYPE;
            }

            @Override
            public Observation observe() {
                return observed(names, version);
            }
        };
    }

    @Override
    public Optional<GateSource> health() {
        return health;
    }

    private Observation observed(List<String> names, String version) {
        List<LoadGenerator.Sample> samples = load.recent(version, window);
        String origin = "demo load generator, last " + window.toSeconds() + " s of " + version;
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        for (String name : names) {
            if (samples.size() < MIN_SAMPLES) {
                missing.put(name, samples.size() + " answers in the window, fewer than " + MIN_SAMPLES);
            } else if (name.equals("errorRate")) {
                values.put(
                        name,
                        samples.stream().filter(LoadGenerator.Sample::error).count() / (double) samples.size());
            } else if (name.equals("p95Latency")) {
                double[] millis = samples.stream()
                        .mapToDouble(LoadGenerator.Sample::millis)
                        .sorted()
                        .toArray();
                values.put(name, millis[(int) Math.ceil(0.95 * millis.length) - 1]);
            } else {
                missing.put(name, "the demo measures only errorRate and p95Latency");
            }
        }
        return new Observation(PrometheusGateSource.TYPE, origin, values, missing, Optional.empty());
    }
}
