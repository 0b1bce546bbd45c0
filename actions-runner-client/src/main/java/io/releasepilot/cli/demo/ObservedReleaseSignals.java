package io.releasepilot.cli.demo;

import io.releasepilot.core.rollout.ReleaseSignals;
import io.releasepilot.core.rollout.RolloutPlan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's signals, where there is no Prometheus: error rate and P95 latency per version as the load generator saw
 * them over the last window (the client-side view a load tester has), and HTTP probes. A version with too few answers
 * in the window reports NaN (no data), never a pass.
 */
public final class ObservedReleaseSignals implements ReleaseSignals {
    private static final int MIN_SAMPLES = 5;

    private final LoadGenerator load;
    private final Duration window;
    private final Optional<URI> health;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public ObservedReleaseSignals(LoadGenerator load, Duration window, Optional<URI> health) {
        this.load = load;
        this.window = window;
        this.health = health;
    }

    @Override
    public Map<String, Double> metrics(List<String> names, String version) {
        List<LoadGenerator.Sample> samples = load.recent(version, window);
        Map<String, Double> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, samples.size() < MIN_SAMPLES ? Double.NaN : value(name, samples));
        }
        return values;
    }

    private static double value(String name, List<LoadGenerator.Sample> samples) {
        switch (name) {
            case "errorRate":
                return samples.stream().filter(LoadGenerator.Sample::error).count() / (double) samples.size();
            case "p95Latency":
                double[] millis = samples.stream()
                        .mapToDouble(LoadGenerator.Sample::millis)
                        .sorted()
                        .toArray();
                return millis[(int) Math.ceil(0.95 * millis.length) - 1];
            default:
                return Double.NaN;
        }
    }

    @Override
    public Optional<Boolean> probeHealth() {
        return health.map(url -> get(url, 200, Duration.ofSeconds(1)));
    }

    @Override
    public boolean probe(RolloutPlan.SmokeCheck check) {
        return get(check.url(), check.expectStatus(), check.timeout());
    }

    private boolean get(URI url, int expectStatus, Duration timeout) {
        try {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(url).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == expectStatus;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
