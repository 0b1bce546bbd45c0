package io.releasepilot.sample;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small HTTP service standing in for one version of the user's application (plain JDK, no test framework, so the
 * demo can ship it as main code). {@code /} answers {@code <version>\n}; {@code /version} answers JSON and {@code X-Version}; {@code /healthz} answers 200 {@code ok} (503
 * when told to be unhealthy); {@code /metrics} is Prometheus text: {@code http_requests_total{service,version,code}}
 * and the histogram {@code http_request_duration_seconds{service,version}}; the business counter {@code
 * checkouts_total} (a fraction of {@code /} requests count as a checkout, 10 % unless told otherwise); and, under the
 * names Micrometer's Prometheus registry gives them, JVM heap ({@code jvm_memory_used_bytes}, {@code
 * jvm_memory_max_bytes} per heap pool, from the JVM's memory pools), process CPU ({@code process_cpu_usage}) and a
 * connection pool ({@code hikaricp_connections_active}, {@code hikaricp_connections_max}: each {@code /} request in
 * flight holds one of the worker pool's 64 slots). Every series carries {@code service} and {@code version} labels, so
 * the default queries of the spec work on it. At runtime it can be told to fail a fraction of {@code /} requests with
 * 500, to answer them slowly, or to convert fewer of them into checkouts. Binds 127.0.0.1 only.
 */
public final class SampleService implements AutoCloseable {
    /** The worker pool's size, exported as the connection pool's maximum. */
    private static final int POOL_SIZE = 64;

    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.4, 0.5, 0.75, 1, 2.5, 5, 10};

    static {
        // The JDK server leaves Nagle on by default; with keep-alive, headers and body then wait for delayed ACKs
        // (~40 ms per response), which caps a load test at ~1k req/s. Must be set before the first HttpServer.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String service;
    private final String version;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicReference<Double> failFraction = new AtomicReference<>(0.0);
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private volatile boolean healthy = true;
    private final AtomicLong served = new AtomicLong();
    private final Map<Integer, AtomicLong> byCode = new ConcurrentHashMap<>();
    private final AtomicLongArray bucketCounts = new AtomicLongArray(BUCKETS.length);
    private final AtomicLong durationMicros = new AtomicLong();
    private final AtomicReference<Double> checkoutFraction = new AtomicReference<>(0.1);
    private final AtomicLong checkouts = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();

    private SampleService(String service, String version, int port) throws IOException {
        this.service = service;
        this.version = version;
        // Both codes are exported from the start, at 0: a counter series that appears with its first error hides that
        // error from rate() (no earlier sample), and a 5 % error rate would go unseen for the first failures.
        byCode.put(200, new AtomicLong());
        byCode.put(500, new AtomicLong());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        this.executor = Executors.newFixedThreadPool(POOL_SIZE, r -> {
            Thread thread = new Thread(r, "sample-" + version);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/healthz", this::health);
        server.createContext("/metrics", this::metrics);
        server.createContext("/version", this::versionPage);
        server.createContext("/", this::root);
        server.start();
    }

    /** Starts version {@code version} of service {@code sample} on a free loopback port. */
    public static SampleService start(String version) throws IOException {
        return start("sample", version, 0);
    }

    /** Starts on {@code port} (0: a free one). */
    public static SampleService start(String service, String version, int port) throws IOException {
        return new SampleService(service, version, port);
    }

    /** {@code java … SampleService VERSION PORT [SERVICE]}: runs until killed. */
    public static void main(String[] args) throws IOException {
        start(args.length > 2 ? args[2] : "sample", args[0], Integer.parseInt(args[1]));
    }

    public String version() {
        return version;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** From now on answer this fraction (0..1) of {@code /} requests with 500, spread evenly. */
    public void failFraction(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be 0..1, got " + fraction);
        }
        failFraction.set(fraction);
    }

    /** From now on delay every {@code /} answer by {@code delay}. */
    public void slowDown(Duration delay) {
        this.delay.set(delay);
    }

    /** From now on count this fraction (0..1) of answered {@code /} requests as checkouts (default 0.1). */
    public void checkoutFraction(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be 0..1, got " + fraction);
        }
        checkoutFraction.set(fraction);
    }

    /** Whether {@code /healthz} answers 200 (true) or 503 (false). */
    public void healthy(boolean healthy) {
        this.healthy = healthy;
    }

    /** Requests answered on {@code /} so far. */
    public long served() {
        return served.get();
    }

    /** Stops at once: open connections are closed, like a crashed or killed process. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void root(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Duration pause = delay.get();
            if (!pause.isZero()) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            long n = served.incrementAndGet();
            double fraction = failFraction.get();
            // Deterministic spreading: request n fails when floor(n·f) steps up, so 5 % is exactly 1 in 20.
            boolean fail = fraction > 0 && Math.floor(n * fraction) > Math.floor((n - 1) * fraction);
            int code = fail ? 500 : 200;
            send(exchange, code, fail ? "error from " + version + "\n" : version + "\n", "text/plain");
            byCode.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
            double converted = checkoutFraction.get();
            if (!fail && converted > 0 && Math.floor(n * converted) > Math.floor((n - 1) * converted)) {
                checkouts.incrementAndGet();
            }
        } finally {
            inFlight.decrementAndGet();
            observe((System.nanoTime() - start) / 1e9);
        }
    }

    /** {@code /version}: JSON {@code {"service":…,"version":…}} and the header {@code X-Version}, for version checks. */
    private void versionPage(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("X-Version", version);
            send(
                    exchange,
                    200,
                    "{\"service\":\"" + service + "\",\"version\":\"" + version + "\"}\n",
                    "application/json");
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            send(exchange, healthy ? 200 : 503, healthy ? "ok\n" : "unhealthy\n", "text/plain");
        }
    }

    private void metrics(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String labels = "service=\"" + service + "\",version=\"" + version + "\"";
            StringBuilder out = new StringBuilder();
            out.append("# HELP http_requests_total Requests answered on /.\n");
            out.append("# TYPE http_requests_total counter\n");
            byCode.forEach((code, count) -> out.append("http_requests_total{")
                    .append(labels)
                    .append(",code=\"")
                    .append(code)
                    .append("\"} ")
                    .append(count.get())
                    .append('\n'));
            out.append("# HELP http_request_duration_seconds Latency of / requests.\n");
            out.append("# TYPE http_request_duration_seconds histogram\n");
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += bucketCounts.get(i);
                out.append("http_request_duration_seconds_bucket{")
                        .append(labels)
                        .append(",le=\"")
                        .append(BUCKETS[i])
                        .append("\"} ")
                        .append(cumulative)
                        .append('\n');
            }
            long total = served.get();
            out.append("http_request_duration_seconds_bucket{")
                    .append(labels)
                    .append(",le=\"+Inf\"} ")
                    .append(total)
                    .append('\n');
            out.append("http_request_duration_seconds_sum{")
                    .append(labels)
                    .append("} ")
                    .append(durationMicros.get() / 1e6)
                    .append('\n');
            out.append("http_request_duration_seconds_count{")
                    .append(labels)
                    .append("} ")
                    .append(total)
                    .append('\n');
            runtimeMetrics(out, labels);
            send(exchange, 200, out.toString(), "text/plain; version=0.0.4");
        }
    }

    /** The business counter, JVM heap per pool, process CPU and the pool, named as Micrometer names them. */
    private void runtimeMetrics(StringBuilder out, String labels) {
        out.append("# TYPE checkouts_total counter\n");
        out.append("checkouts_total{")
                .append(labels)
                .append("} ")
                .append(checkouts.get())
                .append('\n');
        out.append("# TYPE jvm_memory_used_bytes gauge\n");
        StringBuilder max = new StringBuilder("# TYPE jvm_memory_max_bytes gauge\n");
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) {
                continue;
            }
            String poolLabels = labels + ",area=\"heap\",id=\"" + pool.getName() + "\"";
            MemoryUsage usage = pool.getUsage();
            out.append("jvm_memory_used_bytes{")
                    .append(poolLabels)
                    .append("} ")
                    .append(usage.getUsed())
                    .append('\n');
            max.append("jvm_memory_max_bytes{")
                    .append(poolLabels)
                    .append("} ")
                    .append(usage.getMax())
                    .append('\n');
        }
        out.append(max);
        double cpu = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuLoad()
                : -1;
        out.append("# TYPE process_cpu_usage gauge\n");
        out.append("process_cpu_usage{")
                .append(labels)
                .append("} ")
                .append(cpu < 0 ? 0 : cpu)
                .append('\n');
        String pool = labels + ",pool=\"sample\"";
        out.append("# TYPE hikaricp_connections_active gauge\n");
        out.append("hikaricp_connections_active{")
                .append(pool)
                .append("} ")
                .append(inFlight.get())
                .append('\n');
        out.append("# TYPE hikaricp_connections_max gauge\n");
        out.append("hikaricp_connections_max{")
                .append(pool)
                .append("} ")
                .append(POOL_SIZE)
                .append('\n');
    }

    private void observe(double seconds) {
        durationMicros.addAndGet((long) (seconds * 1e6));
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                bucketCounts.incrementAndGet(i);
                return;
            }
        }
    }

    private static void send(HttpExchange exchange, int code, String body, String contentType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
