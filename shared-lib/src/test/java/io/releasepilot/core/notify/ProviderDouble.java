package io.releasepilot.core.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An HTTP double of a provider's API: every request is checked by the provider's validator (the documented required
 * fields, enums and size limits); an invalid one gets the provider's documented 400 answer, a valid one its success
 * answer. Answers can be scripted ahead (429 with Retry-After, 500) to play the provider's documented errors.
 */
public final class ProviderDouble implements AutoCloseable {

    /** A request as received. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** An answer: status, headers, body. */
    public record Answer(int status, Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Request> accepted = new CopyOnWriteArrayList<>();
    private final Deque<Answer> scripted = new ArrayDeque<>();
    private final Function<Request, List<String>> validator;
    private final Function<List<String>, Answer> invalid;
    private final Function<Request, Answer> success;
    private volatile long delayMillis;

    /**
     * @param validator the problems of a request (empty when valid)
     * @param invalid the provider's answer to an invalid request, given the problems
     * @param success the provider's answer to a valid request
     */
    public ProviderDouble(
            Function<Request, List<String>> validator,
            Function<List<String>, Answer> invalid,
            Function<Request, Answer> success) {
        this(0, validator, invalid, success);
    }

    /** As the other constructor, on a given port (a receiver that comes back where it was). */
    public ProviderDouble(
            int port,
            Function<Request, List<String>> validator,
            Function<List<String>, Answer> invalid,
            Function<Request, Answer> success) {
        this.validator = validator;
        this.invalid = invalid;
        this.success = success;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** A receiver that accepts everything with 204 (a generic webhook endpoint). */
    public static ProviderDouble acceptingAll(int port) {
        return new ProviderDouble(
                port,
                request -> List.of(),
                problems -> new Answer(400, Map.of(), ""),
                request -> new Answer(204, Map.of(), ""));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The next requests get these answers, in order, before validation. */
    public synchronized void script(Answer... answers) {
        scripted.addAll(List.of(answers));
    }

    /** Every answer waits this long first (a slow provider). */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests that were valid and answered with success. */
    public List<Request> accepted() {
        return List.copyOf(accepted);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()),
                body);
        requests.add(request);
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Answer answer;
        synchronized (this) {
            answer = scripted.poll();
        }
        if (answer == null) {
            List<String> problems = new ArrayList<>(validator.apply(request));
            if (problems.isEmpty()) {
                accepted.add(request);
                answer = success.apply(request);
            } else {
                answer = invalid.apply(problems);
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
