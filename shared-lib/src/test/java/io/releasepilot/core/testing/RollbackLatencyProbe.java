package io.releasepilot.core.testing;

import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.rollout.CanaryDecider;
import io.releasepilot.core.rollout.CanaryDecision;
import io.releasepilot.core.rollout.CanaryInput;
import io.releasepilot.core.rollout.MetricSample;
import io.releasepilot.core.rollout.OperatorState;
import io.releasepilot.core.rollout.RollbackTriggerDecider;
import io.releasepilot.core.rollout.RolloutEffect;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.rollout.TriggerDecision;
import io.releasepilot.core.rollout.TriggerRule;
import io.releasepilot.core.spec.SpecDefaults;
import io.releasepilot.core.traffic.TrafficSplit;
import io.releasepilot.core.traffic.haproxy.HaproxyTrafficRouter;
import io.releasepilot.sample.SampleService;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures rollback latency through a real HAProxy: from the moment the trigger decider is called (with 2.5 minutes of
 * 5 % errors in the history) to the first request after which only v1 answers, with one keep-alive client sending
 * back-to-back requests. The baseline is the same measurement for one raw {@code set server … weight 0} on the
 * runtime API (no decider, no read-back): the physical floor. Prints {@code ours_ms=… baseline_ms=…} (medians).
 */
public final class RollbackLatencyProbe {
    private RollbackLatencyProbe() {}

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("rp-rollback-latency");
        try (SampleService v1 = SampleService.start("v1");
                SampleService v2 = SampleService.start("v2");
                HaproxyProcess haproxy = HaproxyProcess.start(
                        dir,
                        List.of(
                                new HaproxyProcess.Server("blue", v1.port(), 100),
                                new HaproxyProcess.Server("green", v2.port(), 0)))) {
            HaproxyTrafficRouter router = new HaproxyTrafficRouter(haproxy.settings("blue", "green"));
            RollbackTriggerDecider triggers =
                    new RollbackTriggerDecider(TriggerRule.defaults(), Duration.ofSeconds(90));
            CanaryDecider canary = new CanaryDecider(
                    SpecDefaults.canarySteps().stream().map(RolloutPlan::step).toList());
            double[] ours = new double[reps];
            double[] raw = new double[reps];
            for (int rep = 0; rep < reps; rep++) {
                router.apply(TrafficSplit.canary(25));
                Thread.sleep(100);
                ours[rep] = measure(haproxy.port(), () -> {
                    Instant now = Instant.now();
                    TriggerDecision decision = triggers.decide(failingHistory(now), now);
                    CanaryDecision next = canary.decide(
                            new CanaryInput(2, now.minusSeconds(150), Verdict.PASS, OperatorState.NONE, decision, now));
                    for (RolloutEffect effect : next.effects()) {
                        if (effect instanceof RolloutEffect.SetWeights set) {
                            router.apply(set.split());
                        }
                    }
                });
                router.apply(TrafficSplit.canary(25));
                Thread.sleep(100);
                raw[rep] = measure(haproxy.port(), () -> rawCommand(haproxy.socket(), "set server app/green weight 0"));
            }
            Arrays.sort(ours);
            Arrays.sort(raw);
            System.out.printf(
                    "ours_ms=%.3f baseline_ms=%.3f ours_max_ms=%.3f baseline_max_ms=%.3f reps=%d%n",
                    ours[reps / 2], raw[reps / 2], ours[reps - 1], raw[reps - 1], reps);
        }
    }

    interface Action {
        void run() throws Exception;
    }

    /** Milliseconds from calling {@code action} to the first request after which only v1 answered. */
    static double measure(int port, Action action) throws Exception {
        List<long[]> log = new ArrayList<>(); // {startNanos, isV1 (1/0)}
        Thread[] holder = new Thread[1];
        long[] t0 = {Long.MAX_VALUE};
        boolean[] stop = {false};
        Exception[] failure = new Exception[1];
        holder[0] = new Thread(() -> {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(2000);
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                byte[] request = "GET / HTTP/1.1\r\nHost: probe\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                int v1AfterT0 = 0;
                while (true) {
                    long start = System.nanoTime();
                    out.write(request);
                    out.flush();
                    String body = readBody(in);
                    boolean isV1 = body.startsWith("v1");
                    synchronized (log) {
                        log.add(new long[] {start, isV1 ? 1 : 0});
                        if (start > t0[0]) {
                            v1AfterT0 = isV1 ? v1AfterT0 + 1 : 0;
                        }
                        if (stop[0] && v1AfterT0 >= 200) {
                            return;
                        }
                    }
                }
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        holder[0].start();
        Thread.sleep(50);
        synchronized (log) {
            t0[0] = System.nanoTime();
        }
        action.run();
        synchronized (log) {
            stop[0] = true;
        }
        holder[0].join(10_000);
        if (failure[0] != null) {
            throw failure[0];
        }
        long firstOnlyV1 = Long.MAX_VALUE;
        synchronized (log) {
            for (long[] entry : log) {
                if (entry[0] <= t0[0]) {
                    continue;
                }
                if (entry[1] == 0) {
                    firstOnlyV1 = Long.MAX_VALUE;
                } else if (firstOnlyV1 == Long.MAX_VALUE) {
                    firstOnlyV1 = entry[0];
                }
            }
        }
        return (firstOnlyV1 - t0[0]) / 1e6;
    }

    private static String readBody(InputStream in) throws IOException {
        int length = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c == '\n') {
                String header = line.toString().strip();
                if (header.isEmpty()) {
                    break;
                }
                if (header.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).strip());
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        byte[] body = in.readNBytes(Math.max(length, 0));
        return new String(body, StandardCharsets.US_ASCII);
    }

    static void rawCommand(Path socket, String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer reply = ByteBuffer.allocate(4096);
            while (channel.read(reply) >= 0) {
                reply.clear();
            }
        }
    }

    /** Error rate 5 % every 15 s for the last 2.5 minutes; every other default metric healthy. */
    static List<MetricSample> failingHistory(Instant now) {
        List<MetricSample> history = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            Instant at = now.minusSeconds(15L * i);
            history.add(new MetricSample("errorRate", at, 0.05));
            history.add(new MetricSample("p95Latency", at, 120));
            history.add(new MetricSample("healthCheckFailures", at, 0));
            history.add(new MetricSample("memory", at, 0.4));
            history.add(new MetricSample("dbPool", at, 0.2));
        }
        return history;
    }
}
