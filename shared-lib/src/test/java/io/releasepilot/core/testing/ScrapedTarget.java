package io.releasepilot.core.testing;

import com.sun.net.httpserver.HttpServer;
import io.releasepilot.core.gate.prometheus.PrometheusClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A /metrics endpoint served by the test and registered as a file_sd target of the real Prometheus of scripts/services
 * (1 s scrape), so an IT reads its own series back through a real scrape under its own job label.
 */
public final class ScrapedTarget implements AutoCloseable {
    private final String job;
    private final HttpServer app;
    private final Path target;

    private ScrapedTarget(String job, HttpServer app, Path target) {
        this.job = job;
        this.app = app;
        this.target = target;
    }

    /** Serves {@code metrics} (Prometheus text format, asked anew on each scrape) as the target of {@code job}. */
    public static ScrapedTarget start(String job, Supplier<String> metrics) throws IOException {
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/metrics", exchange -> {
            byte[] body = metrics.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();
        Path target = Path.of(TestServices.get("RP_PROMETHEUS_TARGETS_DIR"), job + ".json");
        try {
            Files.writeString(
                    target,
                    "[{\"targets\":[\"127.0.0.1:" + app.getAddress().getPort() + "\"],\"labels\":{\"job\":\"" + job
                            + "\"}}]");
        } catch (IOException e) {
            app.stop(0);
            throw e;
        }
        return new ScrapedTarget(job, app, target);
    }

    /** A client of the Prometheus of scripts/services. */
    public static PrometheusClient prometheus() {
        return new PrometheusClient(
                URI.create(TestServices.get("RP_PROMETHEUS_URL")), Duration.ofSeconds(2), Optional.empty());
    }

    /** Waits up to 60 s until {@code scraped} holds for the Prometheus of scripts/services. */
    public void awaitScrape(Predicate<PrometheusClient> scraped) throws InterruptedException {
        PrometheusClient client = prometheus();
        Instant deadline = Instant.now().plusSeconds(60);
        while (!scraped.test(client)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Prometheus did not scrape " + job + " within 60 s");
            }
            Thread.sleep(500);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(target);
        } finally {
            app.stop(0);
        }
    }
}
