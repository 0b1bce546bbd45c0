package io.releasepilot.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.releasepilot.core.dora.DeploymentHistory;
import io.releasepilot.core.dora.DoraEvaluator;
import io.releasepilot.core.dora.DoraFigure;
import io.releasepilot.core.dora.DoraMetric;
import io.releasepilot.core.dora.DoraReport;
import io.releasepilot.core.dora.DoraTargets;
import io.releasepilot.core.events.EventType;
import io.releasepilot.core.events.Outbox;
import io.releasepilot.core.events.OutboxEntry;
import io.releasepilot.core.events.OutboxQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Release Pilot's own telemetry, bound to a Micrometer registry and counted from the ledger's outbox, so releases
 * driven by any process (a CI runner, {@code serve} itself) show up. {@link #refresh} reads the outbox rows written
 * since the last call and recomputes the DORA gauges; call it before each scrape.
 *
 * <p>Meters (Prometheus names): {@code releases_started_total}, {@code releases_completed_total} (SUCCEEDED), {@code
 * rollbacks_total{reason}}, {@code gate_verdicts_total{verdict}}, {@code canary_weight{service,environment}} (percent
 * of traffic on the canary of the release in progress; 0 once it finished), and per service + environment over the
 * DORA window {@code dora_deployment_frequency_per_day}, {@code dora_lead_time_seconds}, {@code
 * dora_change_failure_ratio}, {@code dora_time_to_restore_seconds} (NaN without data: never a zero that looks good).
 */
public final class ReleaseMetrics {
    /** The rollback reason label: the trigger names of the seed rules, {@code alert}, or {@code other}. */
    private static final Pattern TRIGGER = Pattern.compile(
            "^(error-rate|p95-latency|health|memory|db-pool|abort|manual)(-warning)?\\b", Pattern.CASE_INSENSITIVE);

    private static final int PAGE = 1_000;

    /**
     * A service + environment whose DORA gauges are exported.
     *
     * @param service service name
     * @param environment environment name
     */
    public record Stream(String service, String environment) {
        public Stream {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(environment, "environment");
        }
    }

    private final MeterRegistry registry;
    private final Outbox outbox;
    private final DeploymentHistory history;
    private final List<Stream> streams;
    private final Duration doraWindow;
    private final Clock clock;
    private final Counter started;
    private final Counter completed;
    private final Map<Stream, AtomicInteger> canaryWeights = new ConcurrentHashMap<>();
    private final Map<Stream, Map<DoraMetric, AtomicReference<Double>>> dora = new ConcurrentHashMap<>();
    private long lastSequence;

    /**
     * @param outbox the ledger's outbox (counters)
     * @param history the ledger's deployments (DORA gauges)
     * @param streams the service + environment pairs to export DORA gauges for
     * @param doraWindow the DORA window, e.g. 30 days
     */
    public ReleaseMetrics(
            MeterRegistry registry,
            Outbox outbox,
            DeploymentHistory history,
            List<Stream> streams,
            Duration doraWindow,
            Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.history = Objects.requireNonNull(history, "history");
        this.streams = List.copyOf(streams);
        this.doraWindow = Objects.requireNonNull(doraWindow, "doraWindow");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.started = Counter.builder("releases.started")
                .description("Releases started (from the ledger)")
                .register(registry);
        this.completed = Counter.builder("releases.completed")
                .description("Releases that finished SUCCEEDED (from the ledger)")
                .register(registry);
        for (Stream stream : this.streams) {
            canaryWeight(stream);
            Map<DoraMetric, AtomicReference<Double>> values = new ConcurrentHashMap<>();
            for (DoraMetric metric : DoraMetric.values()) {
                AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
                values.put(metric, value);
                Gauge.builder(doraName(metric), value, AtomicReference::get)
                        .description(metric.title() + " over the last " + doraWindow.toDays() + " days")
                        .tag("service", stream.service())
                        .tag("environment", stream.environment())
                        .register(registry);
            }
            dora.put(stream, values);
        }
    }

    /** Counts the outbox rows written since the last call and recomputes the DORA gauges. */
    public synchronized void refresh() {
        List<OutboxEntry> page;
        do {
            page = outbox.read(new OutboxQuery(null, null, null, lastSequence, PAGE));
            for (OutboxEntry entry : page) {
                count(entry);
                lastSequence = entry.sequence();
            }
        } while (page.size() == PAGE);
        Instant now = clock.instant();
        Instant since = now.minus(doraWindow);
        DoraEvaluator evaluator = new DoraEvaluator();
        for (Stream stream : streams) {
            DoraReport report = evaluator.evaluate(
                    history.deployments(stream.service(), stream.environment(), since),
                    since,
                    now,
                    DoraTargets.seed(),
                    stream.service(),
                    stream.environment());
            // The constructor registered a gauge for every DORA metric of every stream.
            Map<DoraMetric, AtomicReference<Double>> gauges = Objects.requireNonNull(dora.get(stream), "DORA gauges");
            for (DoraFigure figure : report.figures()) {
                Objects.requireNonNull(gauges.get(figure.metric()), "DORA gauge")
                        .set(figure.value()
                                .map(v -> inBaseUnit(figure.metric(), v))
                                .orElse(Double.NaN));
            }
        }
    }

    /** The {@code reason} label of a rollback: bounded, so a free-text reason cannot explode the series count. */
    public static String reasonLabel(@Nullable String actor, @Nullable String reason) {
        if ("alertmanager".equals(actor)) {
            return "alert";
        }
        if (reason != null) {
            Matcher matcher = TRIGGER.matcher(reason.strip());
            if (matcher.find()) {
                return matcher.group(0).toLowerCase(Locale.ROOT);
            }
        }
        return "other";
    }

    private void count(OutboxEntry entry) {
        EventType type = entry.type();
        Stream stream = new Stream(entry.service(), entry.environment());
        switch (type) {
            case RELEASE_STARTED -> {
                started.increment();
                canaryWeight(stream).set(0);
            }
            case RELEASE_SUCCEEDED -> {
                completed.increment();
                canaryWeight(stream).set(0);
            }
            case RELEASE_ROLLED_BACK -> {
                Map<String, Object> data = entry.event().data();
                Counter.builder("rollbacks")
                        .description("Releases rolled back, by trigger")
                        .tag("reason", reasonLabel(text(data.get("actor")), text(data.get("reason"))))
                        .register(registry)
                        .increment();
                canaryWeight(stream).set(0);
            }
            case RELEASE_FAILED, RELEASE_ABORTED -> canaryWeight(stream).set(0);
            case STEP_RECORDED, PROGRESS_UPDATED -> {
                Map<String, Object> data = entry.event().data();
                if (data.get("canaryWeight") instanceof Number weight) {
                    canaryWeight(stream).set(weight.intValue());
                }
                if (type == EventType.STEP_RECORDED
                        && "GATE".equals(data.get("kind"))
                        && data.get("verdict") instanceof String verdict) {
                    Counter.builder("gate.verdicts")
                            .description("Quality gate verdicts recorded in the ledger")
                            .tag("verdict", verdict)
                            .register(registry)
                            .increment();
                }
            }
            default -> {
                // Other events change no meter.
            }
        }
    }

    private AtomicInteger canaryWeight(Stream stream) {
        return canaryWeights.computeIfAbsent(stream, s -> {
            AtomicInteger weight = new AtomicInteger();
            Gauge.builder("canary.weight", weight, AtomicInteger::get)
                    .description("Percent of traffic on the canary of the release in progress")
                    .tag("service", s.service())
                    .tag("environment", s.environment())
                    .register(registry);
            return weight;
        });
    }

    private static String doraName(DoraMetric metric) {
        return switch (metric) {
            case DEPLOYMENT_FREQUENCY -> "dora.deployment.frequency.per.day";
            case LEAD_TIME -> "dora.lead.time.seconds";
            case CHANGE_FAILURE_RATE -> "dora.change.failure.ratio";
            case TIME_TO_RESTORE -> "dora.time.to.restore.seconds";
        };
    }

    /** Prometheus convention: seconds and ratios, not hours, minutes and percent. */
    private static double inBaseUnit(DoraMetric metric, double value) {
        return switch (metric) {
            case DEPLOYMENT_FREQUENCY -> value;
            case LEAD_TIME -> value * 3_600;
            case CHANGE_FAILURE_RATE -> value / 100;
            case TIME_TO_RESTORE -> value * 60;
        };
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
