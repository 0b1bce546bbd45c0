package io.releasepilot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.core.metrics.ReleaseMetrics;
import io.releasepilot.core.rollout.AlertDecider.AlertDecision;
import io.releasepilot.core.rollout.AlertNotification;
import io.releasepilot.core.rollout.alert.AlertReceiver;
import io.releasepilot.core.state.Release;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The HTTP side of {@code release-pilot serve}: {@code POST /alerts} (Alertmanager webhook), {@code GET /metrics} and
 * {@code GET /healthz} on a JDK HTTP server with a bounded pool and a request-body limit. Decisions are made in
 * shared-lib ({@link AlertReceiver}); this class only authenticates, parses, and answers.
 */
final class ServeEndpoints implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who may post alerts: a bearer token, or basic-auth user and password (either may be configured, or both). */
    record Credentials(String token, String user, String password) {
        Credentials {
            token = token == null ? "" : token;
            user = user == null ? "" : user;
            password = password == null ? "" : password;
            if (user.isEmpty() != password.isEmpty()) {
                // Half a basic-auth pair must never turn into "any password will do" (or "no password").
                throw new InvalidInputException("serve: RP_WEBHOOK_USER and RP_WEBHOOK_PASSWORD go together; "
                        + (user.isEmpty() ? "RP_WEBHOOK_USER" : "RP_WEBHOOK_PASSWORD")
                        + " is empty. Set both, or neither and use RP_WEBHOOK_TOKEN");
            }
            if (token.isEmpty() && user.isEmpty()) {
                throw new InvalidInputException("serve needs RP_WEBHOOK_TOKEN, or RP_WEBHOOK_USER and "
                        + "RP_WEBHOOK_PASSWORD, so only Alertmanager can trigger rollbacks");
            }
        }

        static Credentials fromEnvironment(Map<String, String> env) {
            return new Credentials(
                    env.get("RP_WEBHOOK_TOKEN"), env.get("RP_WEBHOOK_USER"), env.get("RP_WEBHOOK_PASSWORD"));
        }

        /** Whether the {@code Authorization} header matches; compares digests in constant time. */
        boolean accepts(String authorization) {
            if (authorization == null) {
                return false;
            }
            boolean ok = false;
            if (!token.isEmpty() && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                ok = same(authorization.substring(7).strip(), token);
            }
            if (!user.isEmpty() && !password.isEmpty() && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                String decoded;
                try {
                    decoded = new String(
                            Base64.getDecoder()
                                    .decode(authorization.substring(6).strip()),
                            StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return false;
                }
                ok = same(decoded, user + ":" + password);
            }
            return ok;
        }

        private static boolean same(String given, String expected) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] a = sha.digest(given.getBytes(StandardCharsets.UTF_8));
                byte[] b = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
                return MessageDigest.isEqual(a, b);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        @Override
        public String toString() {
            return "Credentials[token=" + (token.isEmpty() ? "unset" : "***") + ", user=" + user + "]";
        }
    }

    /**
     * Server limits.
     *
     * @param threads worker threads (requests beyond threads + queue get 503)
     * @param maxBodyBytes largest accepted request body
     */
    record Limits(int threads, int queue, int maxBodyBytes) {
        Limits {
            if (threads < 1 || threads > 256 || queue < 1 || maxBodyBytes < 1024) {
                throw new InvalidInputException("serve limits out of range: threads 1..256, queue >= 1, body >= 1 KiB");
            }
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final AlertReceiver receiver;
    private final ReleaseMetrics metrics;
    private final PrometheusMeterRegistry registry;
    private final BooleanSupplier ledgerReachable;
    private final Credentials credentials;
    private final Limits limits;

    ServeEndpoints(
            InetSocketAddress address,
            AlertReceiver receiver,
            ReleaseMetrics metrics,
            PrometheusMeterRegistry registry,
            BooleanSupplier ledgerReachable,
            Credentials credentials,
            Limits limits)
            throws IOException {
        this.receiver = receiver;
        this.metrics = metrics;
        this.registry = registry;
        this.ledgerReachable = ledgerReachable;
        this.credentials = credentials;
        this.limits = limits;
        this.server = HttpServer.create(address, 64);
        this.pool = new ThreadPoolExecutor(
                limits.threads(),
                limits.threads(),
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queue()),
                runnable -> {
                    Thread thread = new Thread(runnable, "release-pilot-serve");
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        server.setExecutor(pool);
        server.createContext("/alerts", this::alerts);
        server.createContext("/metrics", this::metrics);
        server.createContext("/healthz", this::health);
        server.createContext("/", exchange -> answer(exchange, 404, "text/plain", "not found\n"));
    }

    void start() {
        server.start();
    }

    /** Serves {@code handler} under {@code path} (before {@link #start()}); the dashboard takes "/". */
    void mount(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.removeContext(path);
        server.createContext(path, handler);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(1);
        pool.shutdownNow();
    }

    private void alerts(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                answer(exchange, 405, "text/plain", "POST only\n");
                return;
            }
            if (!credentials.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"release-pilot\"");
                answer(exchange, 401, "text/plain", "unauthorized\n");
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                answer(exchange, 413, "text/plain", "body larger than " + limits.maxBodyBytes() + " bytes\n");
                return;
            }
            AlertNotification notification;
            try {
                notification = AlertNotification.parse(body);
            } catch (InvalidInputException e) {
                answerJson(exchange, 400, Map.of("error", e.getMessage()));
                return;
            }
            AlertReceiver.Outcome outcome;
            try {
                outcome = receiver.receive(notification);
            } catch (ReleasePilotException e) {
                // Infrastructure trouble (ledger, router): 503 makes Alertmanager retry the notification.
                answerJson(exchange, 503, Map.of("error", String.valueOf(e.getMessage())));
                return;
            }
            answerJson(exchange, 200, summary(outcome));
        }
    }

    private static Map<String, Object> summary(AlertReceiver.Outcome outcome) {
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (AlertDecision decision : outcome.decisions()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("service", decision.target().service());
            one.put("environment", decision.target().environment());
            one.put("action", decision.action().name());
            if (decision.releaseId() != null) {
                one.put("releaseId", decision.releaseId().toString());
            }
            one.put("reason", decision.reason());
            if (!decision.predating().isEmpty()) {
                one.put("predating", decision.predating());
            }
            decisions.add(one);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decisions", decisions);
        body.put(
                "rolledBack",
                outcome.rolledBack().stream()
                        .map(Release::id)
                        .map(Object::toString)
                        .toList());
        body.put("notes", outcome.notes());
        return body;
    }

    private void metrics(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "text/plain", "GET only\n");
                return;
            }
            try {
                metrics.refresh();
            } catch (ReleasePilotException e) {
                // Counters keep their last values; the scrape still answers, and /healthz tells the ledger is down.
            }
            answer(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean up;
            try {
                up = ledgerReachable.getAsBoolean();
            } catch (RuntimeException e) {
                up = false;
            }
            answerJson(exchange, up ? 200 : 503, Map.of("status", up ? "ok" : "unavailable", "ledger", up));
        }
    }

    /** The body, or null when it exceeds the limit (reading stops there). */
    private byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limits.maxBodyBytes()) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void answerJson(HttpExchange exchange, int status, Object body) throws IOException {
        answer(exchange, status, "application/json", JSON.writeValueAsString(body) + "\n");
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
