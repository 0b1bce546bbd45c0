package io.releasepilot.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.gate.GateSourceException;
import io.releasepilot.core.gate.prometheus.PrometheusClient;
import io.releasepilot.core.gate.prometheus.PrometheusSeries;
import io.releasepilot.core.testing.TestServices;
import io.releasepilot.sample.SampleService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every shipped default query answers with a number: real Prometheus (scripts/services, 1 s scrape) scraping a real
 * sample service under load. A default that can never match (the cAdvisor memory limit divided into an application
 * metric, whose labels never meet) fails here.
 */
@Timeout(180)
class DefaultQueriesIT {
    @Test
    void shouldAnswerEveryDefaultQueryFromTheSampleService() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String service = "defaults-" + id;
        String version = "1.0.0-" + id;
        Path target = Path.of(TestServices.get("RP_PROMETHEUS_TARGETS_DIR"), service + ".json");
        try (SampleService app = SampleService.start(service, version, 0)) {
            app.failFraction(0.02);
            Files.writeString(target, "[{\"targets\":[\"127.0.0.1:" + app.port() + "\"]}]");
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(1))
                    .build();
            // A generous timeout: this runs on a loaded 2-core machine; a query that still times out is asked again.
            PrometheusClient prometheus = new PrometheusClient(
                    URI.create(TestServices.get("RP_PROMETHEUS_URL")), Duration.ofSeconds(10), Optional.empty());
            Map<String, String> queries = SpecDefaults.queries(service);
            Map<String, Double> answers = new LinkedHashMap<>();
            Instant deadline = Instant.now().plusSeconds(90);
            while (answers.size() < queries.size() && Instant.now().isBefore(deadline)) {
                for (int i = 0; i < 20; i++) {
                    http.send(HttpRequest.newBuilder(app.uri()).build(), HttpResponse.BodyHandlers.discarding());
                }
                queries.forEach((name, query) -> {
                    try {
                        List<PrometheusSeries> series =
                                prometheus.instant(PrometheusClient.withVersion(query, version));
                        if (series.size() == 1 && Double.isFinite(series.get(0).lastValue())) {
                            answers.put(name, series.get(0).lastValue());
                        }
                    } catch (GateSourceException slow) {
                        // asked again in the next round
                    }
                });
                Thread.sleep(500);
            }

            assertThat(answers)
                    .as("every default query answers (queries: %s)", queries)
                    .containsOnlyKeys(queries.keySet());
            assertThat(answers.keySet()).containsExactlyInAnyOrderElementsOf(SpecDefaults.QUERY_METRICS.keySet());
            assertThat(answers.get(SpecDefaults.ERROR_RATE)).isBetween(0.0, 0.2);
            assertThat(answers.get(SpecDefaults.P95_LATENCY)).isPositive();
            assertThat(answers.get(SpecDefaults.MEMORY)).isGreaterThan(0.0).isLessThan(1.0);
            assertThat(answers.get(SpecDefaults.CPU)).isBetween(0.0, 1.0);
            assertThat(answers.get(SpecDefaults.DB_POOL)).isBetween(0.0, 1.0);
        } finally {
            Files.deleteIfExists(target);
        }
    }

    @Test
    void shouldExportEveryMetricNameTheDefaultsExpect() throws Exception {
        try (SampleService app = SampleService.start("names", "1.0.0", 0)) {
            String metrics = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(app.uri() + "metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();

            SpecDefaults.QUERY_METRICS.forEach((query, names) -> {
                for (String name : names) {
                    assertThat(metrics).as("%s needs %s", query, name).contains("\n" + name + "{");
                    assertThat(SpecDefaults.queries("names").get(query)).contains(name);
                }
            });
        }
    }
}
