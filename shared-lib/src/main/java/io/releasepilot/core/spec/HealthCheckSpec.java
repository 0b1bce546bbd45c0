package io.releasepilot.core.spec;

import java.net.URI;
import java.time.Duration;

/** The HTTP health check behind the built-in {@code healthCheckFailures} metric. */
public record HealthCheckSpec(URI url, int expectStatus, Duration interval, Duration timeout) {
    public HealthCheckSpec {
        Require.present(url, "url");
        Require.status(expectStatus, "expectStatus");
        Require.positive(interval, "interval");
        Require.positive(timeout, "timeout");
    }
}
