package io.releasepilot.core.rollout.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.rollout.RolloutRequest;
import io.releasepilot.core.rollout.Sleeper;
import io.releasepilot.core.rollout.VerifyPlan;
import io.releasepilot.core.rollout.http.HttpReleaseSignals;
import io.releasepilot.core.rollout.http.HttpServerVersions;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.testing.FreshLedger;
import io.releasepilot.core.testing.HaproxyProcess;
import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import io.releasepilot.core.traffic.TrafficSplit;
import io.releasepilot.sample.SampleService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The router held to the ledger, against a real HAProxy this test starts (master-worker, so it can be reloaded) in
 * front of two real sample services: weights changed by hand, a reload that resets them, and a change whose read-back
 * never shows the intent.
 */
@Timeout(60)
class RouterDriftIT {
    @RegisterExtension
    static final FreshLedger LEDGER = new FreshLedger();

    private Path dir;
    private String service;
    private SampleService v1;
    private SampleService v2;
    private HaproxyProcess haproxy;

    @BeforeEach
    void start() throws IOException {
        dir = Files.createTempDirectory("rp-drift");
        service = "drift-" + UUID.randomUUID().toString().substring(0, 8);
        v1 = SampleService.start(service, "1.0.0", 0);
        v2 = SampleService.start(service, "2.0.0", 0);
        haproxy = HaproxyProcess.startReloadable(
                dir,
                List.of(
                        new HaproxyProcess.Server("blue", v1.port(), 100),
                        new HaproxyProcess.Server("green", v2.port(), 0)));
    }

    @AfterEach
    void stop() {
        haproxy.close();
        v1.close();
        v2.close();
    }

    private ReleaseSpec spec(String onReadBackMismatch) {
        String yaml = "version: 1\n"
                + "service: " + service + "\n"
                + "strategy:\n"
                + "  type: canary\n"
                + "  canary:\n"
                + "    analysisInterval: 1s\n"
                + "    steps:\n"
                + "      - { weight: 10%, duration: 60s }\n"
                + "      - { weight: 100%, duration: 0s }\n"
                + "    judge: { enabled: false }\n"
                + "traffic:\n"
                + "  router: haproxy\n"
                + "  onReadBackMismatch: " + onReadBackMismatch + "\n"
                + "  haproxy: { socket: \"" + haproxy.socket() + "\", backend: app, stable: blue, canary: green,"
                + " timeout: 2s }\n"
                + "metrics:\n"
                + "  healthCheck: { url: \"http://127.0.0.1:" + v2.port()
                + "/healthz\", expectStatus: 200, interval: 1s, timeout: 500ms }\n"
                + "rollback:\n"
                + "  triggers:\n"
                + "    - { name: health, metric: healthCheckFailures, comparator: \">=\", threshold: 3, for: 0s,"
                + " severity: critical }\n"
                + "versionCheck:\n"
                + "  url: \"http://{{address}}/version\"\n"
                + "  servers: [\"127.0.0.1:" + v2.port() + "\"]\n"
                + "  jsonPath: $.version\n";
        return SpecReader.read("drift.yml", yaml).value();
    }

    private CompletableFuture<ReleaseOutcome> canary(ReleaseSpec spec, TrafficRouter router) {
        ReleaseEngine engine = new ReleaseEngine(
                LEDGER.store(),
                router,
                HttpReleaseSignals.from(spec, Map.of()),
                RolloutPlan.from(spec),
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                p -> {},
                VerifyPlan.from(spec, new HttpServerVersions()),
                io.releasepilot.core.traffic.command.ExternalCommand.isolated());
        RolloutRequest request =
                new RolloutRequest(service, "production", "2.0.0", Actor.of("alice"), "abc123", null, false);
        return CompletableFuture.supplyAsync(() -> engine.canary(request));
    }

    private TrafficRouter router() {
        return TrafficRouterRegistry.create(haproxy.settings("blue", "green"));
    }

    private Release await(ReleaseState state, int canary) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Release release = LEDGER.store().inProgress(service, "production").orElse(null);
            if (release != null
                    && release.state() == state
                    && release.weights() != null
                    && release.weights().canary() == canary) {
                return release;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the release never reached " + state + " at canary " + canary + " %");
    }

    private static List<String> notices(UUID release) {
        return LEDGER.store().steps(release).stream()
                .filter(s -> s.step().detail() instanceof StepDetail.Notice)
                .map(s -> ((StepDetail.Notice) s.step().detail()).message())
                .toList();
    }

    private void end(Release release, CompletableFuture<ReleaseOutcome> run) throws Exception {
        LEDGER.store().finish(release.id(), ReleaseState.ABORTED, Actor.of("test"), "test over");
        run.get(20, TimeUnit.SECONDS);
    }

    @Test
    void shouldPauseWithTheObservedWeightsWhenSomeoneChangesThemByHandMidStep() throws Exception {
        CompletableFuture<ReleaseOutcome> run = canary(spec("pause"), router());
        Release running = await(ReleaseState.IN_PROGRESS, 10);

        // One line, two commands: the balancer never shows a half-made change.
        haproxy.runtime("set weight app/blue 50; set weight app/green 50");

        Release paused = await(ReleaseState.PAUSED, 10);
        assertThat(notices(paused.id()))
                .anySatisfy(n -> assertThat(n)
                        .contains("router drift", "stable 90 % / canary 10 %", "stable 50 % / canary 50 %"));
        // Nothing overwritten: the hand-set weights are still there.
        assertThat(router().current().split()).isEqualTo(new TrafficSplit(50, 50));
        assertThat(running.id()).isEqualTo(paused.id());
        end(paused, run);
    }

    @Test
    void shouldDetectAnHaproxyReloadThatResetTheRuntimeWeights() throws Exception {
        CompletableFuture<ReleaseOutcome> run = canary(spec("pause"), router());
        await(ReleaseState.IN_PROGRESS, 10);

        haproxy.reload();

        Release paused = await(ReleaseState.PAUSED, 10);
        assertThat(notices(paused.id()))
                .anySatisfy(n -> assertThat(n).contains("router drift", "a reload reset", "stable 100 % / canary 0 %"));
        assertThat(router().current().split()).isEqualTo(TrafficSplit.ALL_STABLE);
        end(paused, run);
    }

    @Test
    void shouldRollBackAStepWhoseReadBackNeverShowsTheIntentWhenTheSpecSaysSo() throws Exception {
        TrafficRouter real = router();
        // Someone resets green by hand right after each change: the real HAProxy never carries the intent.
        TrafficRouter contested = new TrafficRouter() {
            @Override
            public String type() {
                return real.type();
            }

            @Override
            public RouterState current() {
                return real.current();
            }

            @Override
            public RouterState apply(TrafficSplit split) {
                RouterState applied = real.apply(split);
                if (split.canary() > 0) {
                    try {
                        haproxy.runtime("set weight app/green 0");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return real.current();
                }
                return applied;
            }
        };

        ReleaseOutcome outcome = canary(spec("rollback"), contested).get(30, TimeUnit.SECONDS);

        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.ROLLED_BACK);
        assertThat(outcome.reason())
                .contains(
                        "router read-back mismatch",
                        "asked for stable 90 % / canary 10 %",
                        "shows stable 100 % / canary 0 %");
        assertThat(real.current().split()).isEqualTo(TrafficSplit.ALL_STABLE);
    }

    @Test
    void shouldPauseAStepWhoseReadBackNeverShowsTheIntentByDefault() throws Exception {
        TrafficRouter real = router();
        TrafficRouter contested = new TrafficRouter() {
            @Override
            public String type() {
                return real.type();
            }

            @Override
            public RouterState current() {
                return real.current();
            }

            @Override
            public RouterState apply(TrafficSplit split) {
                real.apply(split);
                try {
                    haproxy.runtime("set weight app/green 0");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return real.current();
            }
        };
        CompletableFuture<ReleaseOutcome> run = canary(spec("pause"), contested);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Release release = null;
        while (System.nanoTime() < deadline) {
            release = LEDGER.store().inProgress(service, "production").orElse(null);
            if (release != null && release.state() == ReleaseState.PAUSED) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(release).isNotNull();
        assertThat(release.state()).isEqualTo(ReleaseState.PAUSED);
        assertThat(notices(release.id()))
                .anySatisfy(
                        n -> assertThat(n).contains("router read-back mismatch", "shows stable 100 % / canary 0 %"));
        // The step did not count as applied: the release never moved to 10 %.
        assertThat(release.weights() == null || release.weights().canary() == 0).isTrue();
        end(release, run);
    }
}
