package io.releasepilot.core.spec;

import java.util.Optional;

/** Where release metrics come from: Prometheus and an HTTP health check. */
public record MetricsSpec(Optional<PrometheusSpec> prometheus, Optional<HealthCheckSpec> healthCheck) {
    /** The name of the built-in metric counting consecutive failed health checks. */
    public static final String HEALTH_CHECK_FAILURES = "healthCheckFailures";

    public MetricsSpec {
        Require.optional(prometheus, "prometheus");
        Require.optional(healthCheck, "healthCheck");
    }
}
