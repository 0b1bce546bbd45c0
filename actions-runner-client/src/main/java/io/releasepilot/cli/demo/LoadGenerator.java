package io.releasepilot.cli.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends a bounded, steady stream of requests to the demo's frontend (loopback only) and keeps what each version
 * answered over the last seconds: the client-side view of error rate and latency that the demo's signals report.
 */
public final class LoadGenerator implements AutoCloseable {
    private static final Duration KEEP = Duration.ofSeconds(30);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService workers;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final long pauseNanos;
    private volatile URI target;
    private long sent;
    private long failed;

    /** One answered (or failed) request. */
    record Sample(long atNanos, String version, boolean error, double millis) {}

    private LoadGenerator(URI target, int workers, int requestsPerSecond) {
        this.target = target;
        this.pauseNanos = TimeUnit.SECONDS.toNanos(1) * workers / requestsPerSecond;
        this.workers = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "demo-load");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < workers; i++) {
            this.workers.submit(this::loop);
        }
    }

    /** Starts {@code requestsPerSecond} requests per second against {@code target}. */
    public static LoadGenerator start(URI target, int requestsPerSecond) {
        return new LoadGenerator(target, 4, requestsPerSecond);
    }

    /** Points the load at another frontend (the embedded proxy of the next release). */
    public void target(URI newTarget) {
        this.target = newTarget;
    }

    private void loop() {
        while (running.get()) {
            long begin = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(target.resolve("/"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            String version;
            boolean error;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                String body = response.body().trim();
                version = body.isEmpty() ? "?" : body.substring(body.lastIndexOf(' ') + 1);
                error = response.statusCode() >= 500;
            } catch (java.io.IOException e) {
                version = "?";
                error = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long end = System.nanoTime();
            record(new Sample(end, version, error, (end - begin) / 1e6));
            long rest = pauseNanos - (System.nanoTime() - begin);
            if (rest > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(rest);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private synchronized void record(Sample sample) {
        samples.addLast(sample);
        sent++;
        if (sample.error()) {
            failed++;
        }
        long oldest = sample.atNanos() - KEEP.toNanos();
        while (!samples.isEmpty() && samples.peekFirst().atNanos() < oldest) {
            samples.removeFirst();
        }
    }

    /** The samples of {@code version} answered within the last {@code window}. */
    synchronized List<Sample> recent(String version, Duration window) {
        long since = System.nanoTime() - window.toNanos();
        List<Sample> recent = new ArrayList<>();
        for (Sample sample : samples) {
            if (sample.atNanos() >= since && sample.version().equals(version)) {
                recent.add(sample);
            }
        }
        return recent;
    }

    /** Requests per version within the last {@code window}, for progress lines. */
    public synchronized Map<String, Integer> share(Duration window) {
        long since = System.nanoTime() - window.toNanos();
        Map<String, Integer> share = new TreeMap<>();
        for (Sample sample : samples) {
            if (sample.atNanos() >= since) {
                share.merge(sample.version(), 1, Integer::sum);
            }
        }
        return share;
    }

    /** Total requests sent and failed since the start. */
    public synchronized long[] totals() {
        return new long[] {sent, failed};
    }

    @Override
    public void close() {
        running.set(false);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
