package io.releasepilot.core.testing;

import io.releasepilot.core.traffic.TrafficSplit;
import io.releasepilot.core.traffic.haproxy.HaproxyTrafficRouter;
import io.releasepilot.sample.SampleService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * wrk load through a real HAProxy while traffic changes: {@link #routed} drives every canary weight and blue-green
 * switches through {@link HaproxyTrafficRouter}; {@link #naiveRestart} replaces the one backend by stopping v1 and
 * starting v2 on the same port after a deploy gap, the way a release without a router does it. Used by the
 * zero-downtime IT and the cutover-errors benchmark ({@code main}).
 */
public final class CutoverLoad {
    /** Weights walked through, in order, while the load runs: canary steps up and back, then blue-green switches. */
    static final List<TrafficSplit> SCHEDULE = List.of(
            TrafficSplit.canary(5),
            TrafficSplit.canary(25),
            TrafficSplit.canary(75),
            TrafficSplit.canary(100),
            TrafficSplit.canary(75),
            TrafficSplit.canary(25),
            TrafficSplit.canary(5),
            TrafficSplit.ALL_STABLE,
            TrafficSplit.ALL_CANARY,
            TrafficSplit.ALL_STABLE,
            TrafficSplit.ALL_CANARY,
            TrafficSplit.ALL_STABLE);

    /** What one run saw: wrk's counters, the splits applied and the requests each version answered. */
    public record Outcome(Wrk.Result wrk, int changes, long v1Served, long v2Served) {}

    private CutoverLoad() {}

    /** Load for {@code duration}; the schedule is applied (cycled) every {@code every}, starting after 2 s. */
    public static Outcome routed(Path dir, Duration duration, Duration every) throws IOException, InterruptedException {
        try (SampleService v1 = SampleService.start("v1");
                SampleService v2 = SampleService.start("v2");
                HaproxyProcess haproxy = HaproxyProcess.start(
                        dir,
                        List.of(
                                new HaproxyProcess.Server("blue", v1.port(), 100),
                                new HaproxyProcess.Server("green", v2.port(), 0)))) {
            HaproxyTrafficRouter router = new HaproxyTrafficRouter(haproxy.settings("blue", "green"));
            router.apply(TrafficSplit.ALL_STABLE);
            Wrk wrk = Wrk.start(haproxy.uri(), duration, 50);
            long end = System.nanoTime() + duration.minusSeconds(2).toNanos();
            Thread.sleep(2000);
            int changes = 0;
            while (System.nanoTime() < end) {
                TrafficSplit split = SCHEDULE.get(changes % SCHEDULE.size());
                if (!split.equals(TrafficSplit.ALL_CANARY)) {
                    // The switch back readies blue first: the router never gives a drained server traffic by itself.
                    router.setState("blue", HaproxyTrafficRouter.AdminState.READY);
                }
                router.apply(split);
                if (split.equals(TrafficSplit.ALL_CANARY)) {
                    // Blue-green: blue stops taking new requests but is kept ready for an instant switch back.
                    router.setState("blue", HaproxyTrafficRouter.AdminState.DRAIN);
                }
                changes++;
                Thread.sleep(every.toMillis());
            }
            Wrk.Result result = wrk.await();
            return new Outcome(result, changes, v1.served(), v2.served());
        }
    }

    /** Load for {@code duration}; after 3 s v1 is stopped and, {@code gap} later, v2 started on its port. */
    public static Outcome naiveRestart(Path dir, Duration duration, Duration gap)
            throws IOException, InterruptedException {
        int port = LocalProcess.freePort();
        SampleService v1 = SampleService.start("sample", "v1", port);
        SampleService v2 = null;
        try (HaproxyProcess haproxy = HaproxyProcess.start(dir, List.of(new HaproxyProcess.Server("app", port, 100)))) {
            Wrk wrk = Wrk.start(haproxy.uri(), duration, 50);
            Thread.sleep(3000);
            v1.close();
            Thread.sleep(gap.toMillis());
            v2 = SampleService.start("sample", "v2", port);
            Wrk.Result result = wrk.await();
            return new Outcome(result, 1, v1.served(), v2.served());
        } finally {
            v1.close();
            if (v2 != null) {
                v2.close();
            }
        }
    }

    /**
     * {@code CutoverLoad routed|naive SECONDS}: prints {@code failed=N requests=N rps=N changes=N} and wrk's summary.
     */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("rp-cutover");
        Duration duration = Duration.ofSeconds(Long.parseLong(args[1]));
        Outcome outcome = args[0].equals("naive")
                ? naiveRestart(dir, duration, Duration.ofSeconds(3))
                : routed(dir, duration, Duration.ofMillis(1500));
        Wrk.Result wrk = outcome.wrk();
        String line = "failed=" + wrk.failed() + " requests=" + wrk.requests() + " rps="
                + Math.round(wrk.requestsPerSecond()) + " changes=" + outcome.changes() + " v1=" + outcome.v1Served()
                + " v2=" + outcome.v2Served() + " # " + wrk.summary();
        System.out.println(line);
    }
}
