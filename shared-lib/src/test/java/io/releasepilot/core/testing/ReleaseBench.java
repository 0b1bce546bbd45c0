package io.releasepilot.core.testing;

import io.releasepilot.sample.SampleService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A release test bench: stable (v1) and new (v2) {@link SampleService}s with a unique service name and versions,
 * HAProxy in front (servers {@code blue} = v1 at weight 100, {@code green} = v2 at 0), both scraped by the shared
 * Prometheus (a file_sd target file), a small steady load through HAProxy so the metrics have data, and a
 * release-pilot.yml for all of it. Closing stops everything it started and removes the target file.
 */
public final class ReleaseBench implements AutoCloseable {
    private final String service;
    private final SampleService v1;
    private final SampleService v2;
    private final HaproxyProcess haproxy;
    private final Path dir;
    private final Path targets;
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private final AtomicLong requests = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicReference<URI> target =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final List<Thread> load = new ArrayList<>();

    private ReleaseBench(String service, SampleService v1, SampleService v2, HaproxyProcess haproxy, Path dir)
            throws IOException {
        this.service = service;
        this.v1 = v1;
        this.v2 = v2;
        this.haproxy = haproxy;
        this.dir = dir;
        this.targets = Path.of(TestServices.get("RP_PROMETHEUS_TARGETS_DIR"), service + ".json");
        String json = "[{\"targets\":[\"127.0.0.1:" + v1.port() + "\",\"127.0.0.1:" + v2.port()
                + "\"],\"labels\":{\"rp_bench\":\"" + service + "\"}}]";
        Path tmp = targets.resolveSibling(service + ".json.tmp");
        Files.writeString(tmp, json);
        Files.move(tmp, targets, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        target.set(haproxy.uri());
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < 3; i++) {
            Thread thread = new Thread(() -> {
                while (loading.get()) {
                    try {
                        HttpRequest request = HttpRequest.newBuilder(target.get())
                                .timeout(Duration.ofSeconds(2))
                                .build();
                        client.send(request, HttpResponse.BodyHandlers.discarding());
                        requests.incrementAndGet();
                        Thread.sleep(15);
                    } catch (IOException e) {
                        // a failed request is what some tests provoke; keep loading
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
            load.add(thread);
        }
    }

    /** Starts a bench; versions are unique so Prometheus series of earlier benches never mix in. */
    public static ReleaseBench start() throws IOException {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String service = "bench-" + id;
        Path dir = Files.createTempDirectory("rp-release-bench");
        SampleService v1 = SampleService.start(service, "1.0.0-" + id, 0);
        SampleService v2 = SampleService.start(service, "2.0.0-" + id, 0);
        HaproxyProcess haproxy = HaproxyProcess.start(
                dir,
                List.of(
                        new HaproxyProcess.Server("blue", v1.port(), 100),
                        new HaproxyProcess.Server("green", v2.port(), 0)));
        return new ReleaseBench(service, v1, v2, haproxy, dir);
    }

    public String service() {
        return service;
    }

    public SampleService v1() {
        return v1;
    }

    public SampleService v2() {
        return v2;
    }

    public HaproxyProcess haproxy() {
        return haproxy;
    }

    public Path dir() {
        return dir;
    }

    /** Sends the load through another balancer (e.g. NGINX) from now on. */
    public void loadThrough(URI uri) {
        target.set(uri);
    }

    public long requests() {
        return requests.get();
    }

    /** Waits until Prometheus has a request rate for v2's stable sibling v1 (targets scraped). */
    public void awaitScraped() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        String query = "sum(rate(http_requests_total{service=\"" + service + "\"}[3s]))";
        URI uri = URI.create(TestServices.get("RP_PROMETHEUS_URL") + "/api/v1/query?query="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            String body = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            if (body.contains("\"value\"")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Prometheus did not scrape " + service + " within 30 s");
    }

    /**
     * A canary + blue-green spec for this bench: steps 10 % and 50 % for {@code stepSeconds} each then 100 %, error
     * rate criterion &lt; 1 %, triggers error rate &gt; 2 % for 2 s and 3 failed health checks, 1 s intervals.
     */
    public String spec(String environment, String strategy, int stepSeconds) {
        String s = "service=\\\"" + service + "\\\",version=\\\"{{version}}\\\"";
        return "version: 1\n"
                + "service: " + service + "\n"
                + "environments:\n"
                + "  - name: " + environment + "\n"
                + "strategy:\n"
                + "  type: " + strategy + "\n"
                + "  canary:\n"
                + "    analysisInterval: 1s\n"
                + "    steps:\n"
                + "      - { weight: 10%, duration: " + stepSeconds + "s, criteria: { errorRate: \"< 1%\" } }\n"
                + "      - { weight: 50%, duration: " + stepSeconds + "s, criteria: { errorRate: \"< 1%\" } }\n"
                + "      - { weight: 100%, duration: 0s }\n"
                + "    judge: { enabled: false }\n"
                + "  blueGreen:\n"
                + "    smokeChecks:\n"
                + "      - { url: \"http://127.0.0.1:" + v2.port() + "/healthz\", expectStatus: 200, timeout: 1s }\n"
                + "    watchWindow: " + stepSeconds + "s\n"
                + "    scaleDownDelay: 1s\n"
                + "traffic:\n"
                + "  router: haproxy\n"
                + "  haproxy: { socket: \"" + haproxy.socket() + "\", backend: app, stable: blue, canary: green,"
                + " timeout: 2s }\n"
                + "metrics:\n"
                + "  prometheus:\n"
                + "    url: " + TestServices.get("RP_PROMETHEUS_URL") + "\n"
                + "    timeout: 2s\n"
                + "    queries:\n"
                + "      errorRate: \"(sum(rate(http_requests_total{" + s + ",code=~\\\"5..\\\"}[3s])) or vector(0))"
                + " / sum(rate(http_requests_total{" + s + "}[3s]))\"\n"
                + "      p95Latency: \"histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{"
                + s + "}[3s]))) * 1000\"\n"
                + "  healthCheck: { url: \"http://127.0.0.1:" + v2.port()
                + "/healthz\", expectStatus: 200, interval: 1s, timeout: 500ms }\n"
                + "rollback:\n"
                + "  triggers:\n"
                + "    - { name: error-rate, metric: errorRate, comparator: \">\", threshold: 2%, for: 2s,"
                + " severity: critical }\n"
                + "    - { name: health, metric: healthCheckFailures, comparator: \">=\", threshold: 3, for: 0s,"
                + " severity: critical }\n";
    }

    /** Writes {@link #spec} to a file in the bench's directory. */
    public Path specFile(String environment, String strategy, int stepSeconds) throws IOException {
        Path file = dir.resolve(environment + "-" + strategy + ".yml");
        Files.writeString(file, spec(environment, strategy, stepSeconds));
        return file;
    }

    @Override
    public void close() throws IOException {
        loading.set(false);
        for (Thread thread : load) {
            thread.interrupt();
        }
        Files.deleteIfExists(targets);
        haproxy.close();
        v1.close();
        v2.close();
    }
}
