package io.releasepilot.cli.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A GitHub API double: answers by method and path (so github-api's extra calls cannot eat a queued response) with the
 * fixtures under {@code src/test/resources/github}, and records every request.
 */
public final class FakeGitHub implements AutoCloseable {

    /** One request as GitHub saw it. */
    public record Sent(String method, String path, String query, String body, String authorization) {}

    private final MockWebServer server = new MockWebServer();
    private final String prefix;
    private final Map<String, Deque<MockResponse>> routes = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();

    public FakeGitHub(String prefix) throws IOException {
        this.prefix = prefix;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start(0);
    }

    /** The API base URL, e.g. {@code http://127.0.0.1:PORT/api/v3} for a GHES-shaped server. */
    public String baseUrl() {
        String url = server.url(prefix).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Answers {@code method path} with the responses in order; the last one repeats. */
    public FakeGitHub on(String method, String path, MockResponse... responses) {
        routes.put(method + " " + prefix + path, new ArrayDeque<>(List.of(responses)));
        return this;
    }

    public MockResponse json(int code, String fixture, String... headers) {
        MockResponse.Builder builder = new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json; charset=utf-8")
                .addHeader("X-GitHub-Media-Type", "github.v3; format=json")
                .body(fixture(fixture));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.addHeader(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    public String fixture(String name) {
        try (InputStream in = FakeGitHub.class.getResourceAsStream("/github/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", baseUrl());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    private synchronized MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        sent.add(new Sent(
                request.getMethod(),
                path,
                request.getUrl().query(),
                request.getBody() == null ? "" : request.getBody().utf8(),
                request.getHeaders().get("Authorization")));
        Deque<MockResponse> answers = routes.get(request.getMethod() + " " + path);
        if (answers == null || answers.isEmpty()) {
            return new MockResponse.Builder()
                    .code(404)
                    .addHeader("Content-Type", "application/json; charset=utf-8")
                    .body("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}")
                    .build();
        }
        return answers.size() > 1 ? answers.poll() : answers.peek();
    }

    @Override
    public void close() {
        server.close();
    }
}
