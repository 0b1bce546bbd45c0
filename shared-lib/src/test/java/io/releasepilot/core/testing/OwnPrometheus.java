package io.releasepilot.core.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Prometheus of the test's own (own config, free port, temp data dir), scraping the given loopback ports every
 * second; a test may stop it mid-release without touching the Prometheus of scripts/services that other tests share.
 */
public final class OwnPrometheus extends LocalProcess {
    private final int port;

    private OwnPrometheus(List<String> argv, Path dir, int port) throws IOException {
        super(argv, dir);
        this.port = port;
        awaitPort(port);
    }

    /** Starts Prometheus scraping {@code /metrics} of {@code targetPorts} on 127.0.0.1. */
    public static OwnPrometheus start(Path dir, List<Integer> targetPorts) throws IOException {
        int port = freePort();
        Files.createDirectories(dir.resolve("data"));
        String targets = targetPorts.stream().map(p -> "'127.0.0.1:" + p + "'").collect(Collectors.joining(", "));
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(
                config,
                "global: { scrape_interval: 1s, evaluation_interval: 1s }\n"
                        + "scrape_configs:\n"
                        + "  - job_name: own\n"
                        + "    static_configs: [ { targets: [" + targets + "] } ]\n");
        return new OwnPrometheus(
                List.of(
                        "prometheus",
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port),
                dir,
                port);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }
}
