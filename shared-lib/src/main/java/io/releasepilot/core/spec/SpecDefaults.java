package io.releasepilot.core.spec;

import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Direction;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every default value of the spec, in one place. The reader fills omitted values from here, and
 * docs/spec-reference.md quotes these numbers (the seed numbers of the product brief).
 */
public final class SpecDefaults {
    /** The only spec format version so far. */
    public static final int SPEC_VERSION = 1;

    public static final ReleaseStrategy STRATEGY = ReleaseStrategy.CANARY;
    public static final Duration ANALYSIS_INTERVAL = Duration.ofMinutes(1);

    public static final boolean JUDGE_ENABLED = true;
    public static final Percent JUDGE_CONFIDENCE = Percent.of(98);
    public static final Percent JUDGE_EFFECT_SIZE = Percent.of(25);
    public static final int JUDGE_MIN_SAMPLES = 10;
    public static final double JUDGE_PASS_SCORE = 95;
    public static final double JUDGE_MARGINAL_SCORE = 75;
    public static final double JUDGE_OUTLIER_IQR_FACTOR = 3;
    public static final Direction JUDGE_DIRECTION = Direction.INCREASE;
    public static final String JUDGE_VERSION_LABEL = "version";

    public static final Duration HOOK_DEPLOY_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration HOOK_RETIRE_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration SMOKE_CHECK_TIMEOUT = Duration.ofSeconds(2);
    /** {@code traffic.onReadBackMismatch}: a person decides, nothing is overwritten or rolled back on a guess. */
    public static final ReadBackAction ON_READ_BACK_MISMATCH = ReadBackAction.PAUSE;
    /** {@code versionCheck.timeout}: one request to one server. */
    public static final Duration VERSION_CHECK_TIMEOUT = Duration.ofSeconds(2);

    public static final Duration WATCH_WINDOW = Duration.ofMinutes(5);
    public static final Duration SCALE_DOWN_DELAY = Duration.ofMinutes(10);

    public static final Duration HAPROXY_TIMEOUT = Duration.ofSeconds(2);
    public static final List<String> NGINX_TEST_COMMAND = List.of("nginx", "-t");
    public static final List<String> NGINX_RELOAD_COMMAND = List.of("nginx", "-s", "reload");
    public static final Duration NGINX_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration COMMAND_ROUTER_TIMEOUT = Duration.ofSeconds(30);

    public static final Duration PROMETHEUS_TIMEOUT = Duration.ofSeconds(5);
    public static final int EXPECT_STATUS = 200;
    public static final Duration HEALTH_CHECK_INTERVAL = Duration.ofSeconds(1);
    public static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(1);

    public static final double GATE_PASS_PERCENT = 90;
    public static final double GATE_WARNING_PERCENT = 75;
    public static final boolean INCONCLUSIVE_BLOCKS = true;
    public static final double OBJECTIVE_WEIGHT = 1;
    public static final boolean OBJECTIVE_KEY = false;
    public static final int PROBE_FAILURES = 3;
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    public static final String REGRESSION_BASELINE = "ledger";
    public static final Percent MAX_REGRESSION = Percent.of(10);

    public static final Duration TRIGGER_FOR = Duration.ZERO;
    public static final Severity TRIGGER_SEVERITY = Severity.CRITICAL;
    public static final AbortAction ON_ABORT = AbortAction.ROLLBACK;
    /** Missing data is never a pass: by default the release waits for a person. */
    public static final MissingDataAction ON_MISSING_DATA = MissingDataAction.PAUSE;

    public static final Direction DEVIATION_DIRECTION = Direction.DECREASE;
    public static final DeviationBaseline DEVIATION_BASELINE = DeviationBaseline.STABLE;

    public static final int REQUIRED_APPROVALS = 0;
    public static final String TAG_PREFIX = "v";
    public static final NotificationType NOTIFICATION_TYPE = NotificationType.WEBHOOK;
    /** Every event: a target's severities decide what reaches it (docs/notifications.md). */
    public static final List<NotificationEvent> NOTIFICATION_EVENTS = List.of(NotificationEvent.values());

    /** Names of the default queries; criteria, objectives and triggers refer to them. */
    public static final String ERROR_RATE = "errorRate";

    public static final String P95_LATENCY = "p95Latency";
    public static final String MEMORY = "memory";
    public static final String CPU = "cpu";
    public static final String DB_POOL = "dbPool";

    private SpecDefaults() {}

    /** Canary 5/25/75/100 % for 10/30/60/0 min; error < 0.5/1/1.5 %, P95 < 400/450/500 ms. */
    public static List<CanaryStepSpec> canarySteps() {
        return List.of(
                step(5, 10, 0.5, 400),
                step(25, 30, 1, 450),
                step(75, 60, 1.5, 500),
                new CanaryStepSpec(Percent.of(100), Duration.ZERO, List.of()));
    }

    private static CanaryStepSpec step(double weight, long minutes, double errorPercent, double p95Millis) {
        return new CanaryStepSpec(
                Percent.of(weight),
                Duration.ofMinutes(minutes),
                List.of(
                        new CriterionSpec(ERROR_RATE, Comparator.LESS, Quantity.percent(errorPercent)),
                        new CriterionSpec(P95_LATENCY, Comparator.LESS, Quantity.millis(p95Millis))));
    }

    /**
     * Rollback (critical): error > 2 % for 2 m, P95 > 1000 ms for 5 m, 3 consecutive failed health checks at once,
     * memory > 95 % for 2 m, DB pool > 95 %. Notify (warning): error > 1 % for 5 m, P95 > 750 ms for 10 m, one failed
     * health check.
     */
    public static List<TriggerSpec> rollbackTriggers() {
        return List.of(
                trigger("error-rate", ERROR_RATE, Comparator.GREATER, Quantity.percent(2), 2, Severity.CRITICAL),
                trigger("p95-latency", P95_LATENCY, Comparator.GREATER, Quantity.millis(1000), 5, Severity.CRITICAL),
                trigger(
                        "health",
                        MetricsSpec.HEALTH_CHECK_FAILURES,
                        Comparator.GREATER_OR_EQUAL,
                        Quantity.number(3),
                        0,
                        Severity.CRITICAL),
                trigger("memory", MEMORY, Comparator.GREATER, Quantity.percent(95), 2, Severity.CRITICAL),
                trigger("db-pool", DB_POOL, Comparator.GREATER, Quantity.percent(95), 0, Severity.CRITICAL),
                trigger("error-rate-warning", ERROR_RATE, Comparator.GREATER, Quantity.percent(1), 5, Severity.WARNING),
                trigger(
                        "p95-latency-warning",
                        P95_LATENCY,
                        Comparator.GREATER,
                        Quantity.millis(750),
                        10,
                        Severity.WARNING),
                trigger(
                        "health-warning",
                        MetricsSpec.HEALTH_CHECK_FAILURES,
                        Comparator.GREATER_OR_EQUAL,
                        Quantity.number(1),
                        0,
                        Severity.WARNING));
    }

    private static TriggerSpec trigger(
            String name, String metric, Comparator comparator, Quantity threshold, long minutes, Severity severity) {
        return new TriggerSpec(name, metric, comparator, threshold, Duration.ofMinutes(minutes), severity);
    }

    /** The seed's gates: every test passes, line coverage >= 90 %, no high or critical vulnerability. */
    public static List<ObjectiveSpec> objectives() {
        return List.of(
                ObjectiveSpec.report(
                        "tests", ObjectiveSource.JUNIT, "failed", Comparator.LESS_OR_EQUAL, Quantity.number(0), true),
                ObjectiveSpec.report(
                        "line-coverage",
                        ObjectiveSource.JACOCO,
                        "line",
                        Comparator.GREATER_OR_EQUAL,
                        Quantity.percent(90),
                        false),
                ObjectiveSpec.report(
                        "vulnerabilities",
                        ObjectiveSource.SARIF,
                        "highOrCritical",
                        Comparator.LESS_OR_EQUAL,
                        Quantity.number(0),
                        true));
    }

    /**
     * The named queries for {@code service}; {@code {{version}}} is replaced at query time, so each measures one
     * version (the canary's, or the stable side's for a judge or deviation trigger). Every series must carry the labels
     * {@code service} and {@code version} (Micrometer common tags, or Prometheus relabelling). The metric names each
     * expects (the Prometheus client conventions for HTTP, Micrometer's Prometheus names for the JVM, the process and
     * HikariCP) are in {@link #QUERY_METRICS} and docs/spec-reference.md; the sample service exports all of them and
     * an IT runs every query against real Prometheus scraping it.
     *
     * <p>No errors is a rate of 0, not missing data: a client that exports the 5xx series only after the first error
     * would otherwise leave the error rate empty. No requests at all is still missing data (nothing to divide by).
     */
    public static Map<String, String> queries(String service) {
        String v = "service=\"" + service + "\",version=\"{{version}}\"";
        Map<String, String> queries = new TreeMap<>();
        queries.put(
                ERROR_RATE,
                "(sum(rate(http_requests_total{" + v + ",code=~\"5..\"}[1m])) or vector(0)) / sum(rate("
                        + "http_requests_total{" + v + "}[1m]))");
        queries.put(
                P95_LATENCY,
                "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{" + v
                        + "}[1m]))) * 1000");
        // Heap used over the heap's limit, per instance; pools without a limit report a max of -1 and are left out.
        queries.put(
                MEMORY,
                "max(sum by (instance) (jvm_memory_used_bytes{" + v + ",area=\"heap\"}) / sum by (instance)"
                        + " (jvm_memory_max_bytes{" + v + ",area=\"heap\"} > 0))");
        queries.put(CPU, "max(process_cpu_usage{" + v + "})");
        queries.put(DB_POOL, "max(hikaricp_connections_active{" + v + "} / hikaricp_connections_max{" + v + "})");
        return queries;
    }

    /** The metric names each default query reads; docs/spec-reference.md lists the same. */
    public static final Map<String, List<String>> QUERY_METRICS = Map.of(
            ERROR_RATE, List.of("http_requests_total"),
            P95_LATENCY, List.of("http_request_duration_seconds_bucket"),
            MEMORY, List.of("jvm_memory_used_bytes", "jvm_memory_max_bytes"),
            CPU, List.of("process_cpu_usage"),
            DB_POOL, List.of("hikaricp_connections_active", "hikaricp_connections_max"));

    public static JudgeSpec judge() {
        return new JudgeSpec(
                JUDGE_ENABLED,
                JUDGE_CONFIDENCE,
                JUDGE_EFFECT_SIZE,
                JUDGE_MIN_SAMPLES,
                JUDGE_PASS_SCORE,
                JUDGE_MARGINAL_SCORE,
                JUDGE_OUTLIER_IQR_FACTOR,
                List.of());
    }

    public static StrategySpec strategy() {
        return new StrategySpec(STRATEGY, canary(), blueGreen());
    }

    public static CanarySpec canary() {
        return new CanarySpec(ANALYSIS_INTERVAL, canarySteps(), judge());
    }

    public static BlueGreenSpec blueGreen() {
        return new BlueGreenSpec(Optional.empty(), List.of(), WATCH_WINDOW, SCALE_DOWN_DELAY, Optional.empty());
    }

    public static GatesSpec gates() {
        return new GatesSpec(GATE_PASS_PERCENT, GATE_WARNING_PERCENT, INCONCLUSIVE_BLOCKS, List.of(), objectives());
    }

    public static RollbackSpec rollback() {
        return new RollbackSpec(rollbackTriggers(), ON_ABORT);
    }

    /** No Prometheus, no health check. */
    public static MetricsSpec metrics() {
        return new MetricsSpec(Optional.empty(), Optional.empty());
    }

    /** The embedded ledger database, no NATS. */
    public static StateSpec state() {
        return new StateSpec(DatabaseSpec.embedded(), NatsSpec.none());
    }

    public static VersioningSpec versioning() {
        return new VersioningSpec(TAG_PREFIX, List.of());
    }

    /** The whole default spec: canary strategy, no router, no Prometheus, seed gates and triggers. */
    static ReleaseSpec spec(String service) {
        return new ReleaseSpec(
                SPEC_VERSION,
                service,
                List.of(),
                strategy(),
                Optional.empty(),
                metrics(),
                gates(),
                rollback(),
                state(),
                versioning(),
                List.of(),
                Optional.empty(),
                ProcessesSpec.none());
    }
}
