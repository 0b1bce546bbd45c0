package io.releasepilot.core.traffic.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.releasepilot.core.traffic.TrafficRouterException;
import io.releasepilot.core.traffic.TrafficSplit;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small weighted reverse proxy in the JVM: a frontend that sends each request to the stable or the canary backend by
 * smooth weighted round robin, and a separate loopback admin endpoint ({@code GET/PUT /weights}, body
 * {@code "STABLE CANARY"}) through which {@link EmbeddedTrafficRouter} sets and reads the weights, as it would a real
 * load balancer's runtime API. Weight changes take effect for the next request; nothing is dropped.
 */
public final class EmbeddedProxy implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length");
    private static final Duration BACKEND_TIMEOUT = Duration.ofSeconds(10);

    private final URI stable;
    private final URI canary;
    private final HttpServer frontend;
    private final HttpServer admin;
    private final ExecutorService workers;
    private final HttpClient client;
    private int stableWeight;
    private int canaryWeight;
    private int stableCredit;
    private int canaryCredit;

    private EmbeddedProxy(URI stable, URI canary, int frontendPort) throws IOException {
        this.stable = stable;
        this.canary = canary;
        this.stableWeight = 100;
        this.workers = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "embedded-proxy");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .executor(workers)
                .build();
        this.frontend = HttpServer.create(new InetSocketAddress("127.0.0.1", frontendPort), 256);
        this.frontend.createContext("/", this::forward);
        this.frontend.setExecutor(workers);
        this.admin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        this.admin.createContext("/weights", this::weights);
        this.admin.setExecutor(workers);
    }

    /** Starts a proxy on {@code frontendPort} (0 for a free one) with all traffic on {@code stable}. */
    public static EmbeddedProxy start(URI stable, URI canary, int frontendPort) {
        try {
            EmbeddedProxy proxy = new EmbeddedProxy(stable, canary, frontendPort);
            proxy.frontend.start();
            proxy.admin.start();
            return proxy;
        } catch (IOException e) {
            throw new TrafficRouterException("cannot start the embedded proxy on port " + frontendPort, e);
        }
    }

    /** Where clients send requests. */
    public URI frontendUri() {
        return URI.create("http://127.0.0.1:" + frontend.getAddress().getPort());
    }

    /** Where {@link EmbeddedTrafficRouter} sets the weights. */
    public URI adminUri() {
        return URI.create("http://127.0.0.1:" + admin.getAddress().getPort());
    }

    synchronized TrafficSplit split() {
        return new TrafficSplit(stableWeight, canaryWeight);
    }

    synchronized void split(TrafficSplit split) {
        stableWeight = split.stable();
        canaryWeight = split.canary();
        stableCredit = 0;
        canaryCredit = 0;
    }

    /** Smooth weighted round robin (as NGINX does): deterministic, and spreads the canary's share evenly. */
    private synchronized URI pick() {
        stableCredit += stableWeight;
        canaryCredit += canaryWeight;
        if (canaryWeight > 0 && canaryCredit > stableCredit) {
            canaryCredit -= 100;
            return canary;
        }
        stableCredit -= 100;
        return stable;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI backend = pick();
            URI target = backend.resolve(exchange.getRequestURI().toString());
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .timeout(BACKEND_TIMEOUT)
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                reply(
                        exchange,
                        502,
                        "bad gateway: " + backend + " " + e.getClass().getSimpleName());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply(exchange, 503, "proxy shutting down");
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] payload = response.body();
            exchange.sendResponseHeaders(response.statusCode(), payload.length == 0 ? -1 : payload.length);
            if (payload.length > 0) {
                exchange.getResponseBody().write(payload);
            }
        }
    }

    private void weights(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("PUT".equals(exchange.getRequestMethod())) {
                String text;
                try (InputStream in = exchange.getRequestBody()) {
                    text = new String(in.readNBytes(64), StandardCharsets.US_ASCII).trim();
                }
                String[] parts = text.split("\\s+");
                try {
                    split(new TrafficSplit(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
                } catch (RuntimeException e) {
                    reply(exchange, 400, "expected 'STABLE CANARY' adding up to 100, got '" + text + "'");
                    return;
                }
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "GET or PUT");
                return;
            }
            TrafficSplit split = split();
            reply(exchange, 200, split.stable() + " " + split.canary());
        }
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        frontend.stop(0);
        admin.stop(0);
        workers.shutdownNow();
    }
}
