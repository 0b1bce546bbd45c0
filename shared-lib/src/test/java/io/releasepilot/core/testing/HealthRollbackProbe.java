package io.releasepilot.core.testing;

import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.ReleaseSignals;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.rollout.RolloutRequest;
import io.releasepilot.core.rollout.Sleeper;
import io.releasepilot.core.rollout.engine.ReleaseEngine;
import io.releasepilot.core.rollout.http.HttpReleaseSignals;
import io.releasepilot.core.spec.HealthCheckSpec;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.traffic.TrafficSplit;
import io.releasepilot.core.traffic.haproxy.HaproxyTrafficRouter;
import io.releasepilot.sample.SampleService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures health rollback through a real HAProxy and the real engine (Postgres ledger, 1 s health probes, trigger
 * {@code healthCheckFailures >= 3}): from the moment the 3rd failed probe returns to the first read-back of the HAProxy runtime API (polled back to
 * back) showing green at weight 0, i.e. v1 takes all new requests. (Requests cannot be the probe: HAProxy's own
 * health check would drop green by itself.) Baseline, same watcher: one raw weight change 75/25 → 100/0. Prints {@code ours_ms=… baseline_ms=…} (medians).
 */
public final class HealthRollbackProbe {
    private HealthRollbackProbe() {}

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("rp-health-rollback");
        double[] ours = new double[reps];
        double[] raw = new double[reps];
        try (SampleService v1 = SampleService.start("v1");
                SampleService v2 = SampleService.start("v2");
                HaproxyProcess haproxy = HaproxyProcess.start(
                        dir,
                        List.of(
                                new HaproxyProcess.Server("blue", v1.port(), 100),
                                new HaproxyProcess.Server("green", v2.port(), 0)));
                PostgresReleaseStore store = PostgresReleaseStore.open(LedgerDatabases.freshSchema())) {
            HaproxyTrafficRouter router = new HaproxyTrafficRouter(haproxy.settings("blue", "green"));
            HealthCheckSpec health = new HealthCheckSpec(
                    v2.uri().resolve("/healthz"), 200, Duration.ofSeconds(1), Duration.ofMillis(500));
            for (int rep = 0; rep < reps; rep++) {
                v2.healthy(true);
                router.apply(TrafficSplit.ALL_STABLE);
                AtomicInteger failures = new AtomicInteger();
                AtomicLong thirdFailure = new AtomicLong();
                ReleaseSignals real = new HttpReleaseSignals(Optional.empty(), Map.of(), Optional.of(health));
                GateSource probe = real.health().orElseThrow();
                GateSource counted = new GateSource() {
                    @Override
                    public String type() {
                        return probe.type();
                    }

                    @Override
                    public Observation observe() {
                        Observation observation = probe.observe();
                        if (!ReleaseSignals.healthy(observation, ReleaseSignals.HEALTH_CHECK)
                                && failures.incrementAndGet() == 3) {
                            thirdFailure.set(System.nanoTime());
                        }
                        return observation;
                    }
                };
                ReleaseSignals signals = new ReleaseSignals() {
                    @Override
                    public GateSource metrics(List<String> names, String version) {
                        return real.metrics(names, version);
                    }

                    @Override
                    public Optional<GateSource> health() {
                        return Optional.of(counted);
                    }
                };
                RolloutPlan plan = new RolloutPlan(
                        List.of(
                                new io.releasepilot.core.rollout.CanaryStep(25, Duration.ofMinutes(5), List.of()),
                                new io.releasepilot.core.rollout.CanaryStep(100, Duration.ZERO, List.of())),
                        List.of(new io.releasepilot.core.rollout.TriggerRule(
                                "health",
                                "healthCheckFailures",
                                io.releasepilot.core.release.Comparator.GREATER_OR_EQUAL,
                                3,
                                Duration.ZERO,
                                io.releasepilot.core.release.Severity.CRITICAL)),
                        Duration.ofSeconds(1),
                        Duration.ZERO,
                        Duration.ZERO,
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        Map.of(),
                        Optional.of(Duration.ofSeconds(1)),
                        Optional.empty());
                ReleaseEngine engine =
                        new ReleaseEngine(store, router, signals, plan, Clock.systemUTC(), Sleeper.SYSTEM, p -> {});
                RolloutRequest request =
                        new RolloutRequest("bench", "rep" + rep, "2.0." + rep, Actor.of("bench"), null, null, false);
                CompletableFuture<ReleaseOutcome> run = CompletableFuture.supplyAsync(() -> engine.canary(request));
                while (router.current().split().canary() != 25) {
                    Thread.sleep(20);
                }
                WeightWatch watch = WeightWatch.start(new HaproxyTrafficRouter(haproxy.settings("blue", "green")));
                v2.healthy(false);
                run.get();
                long restored = watch.stop();
                ours[rep] = (restored - thirdFailure.get()) / 1e6;

                v2.healthy(true);
                router.apply(TrafficSplit.canary(25));
                Thread.sleep(300);
                WeightWatch baseline = WeightWatch.start(new HaproxyTrafficRouter(haproxy.settings("blue", "green")));
                Thread.sleep(200);
                long before = System.nanoTime();
                router.apply(TrafficSplit.ALL_STABLE);
                raw[rep] = (baseline.stop() - before) / 1e6;
                System.out.println("rep " + rep + ": ours " + ours[rep] + " ms, raw " + raw[rep] + " ms");
            }
        }
        System.out.println("ours_ms=" + median(ours) + " baseline_ms=" + median(raw));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Polls the runtime API back to back; remembers when green's weight was first seen at 0 (v1 takes all). */
    private static final class WeightWatch {
        private final AtomicLong restored = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        private WeightWatch(HaproxyTrafficRouter router) {
            thread = new Thread(() -> {
                while (running && restored.get() == 0) {
                    try {
                        if (router.current().split().canary() == 0) {
                            restored.set(System.nanoTime());
                        }
                    } catch (RuntimeException e) {
                        // a failed read is no observation
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        static WeightWatch start(HaproxyTrafficRouter router) throws InterruptedException {
            WeightWatch watch = new WeightWatch(router);
            Thread.sleep(50);
            return watch;
        }

        long stop() throws InterruptedException {
            thread.join(10_000);
            running = false;
            return restored.get();
        }
    }
}
