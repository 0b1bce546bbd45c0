package io.releasepilot.cli.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.jspecify.annotations.Nullable;

/**
 * A GitHub API double: answers by method and path (so github-api's extra calls cannot eat a queued response) with the
 * fixtures under {@code src/test/resources/github}, and records every request. With {@link #withDeployments} it also
 * plays the deployments API with state (ids handed out in order, lists filtered by sha and environment, newest first,
 * statuses kept per deployment), for end-to-end runs that create a deployment and later look it up.
 */
public final class FakeGitHub implements AutoCloseable {

    /** One request as GitHub saw it. */
    public record Sent(String method, String path, String query, String body, String authorization) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final String prefix;
    private final Map<String, Deque<MockResponse>> routes = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private final List<Deployment> deployments = new ArrayList<>();
    private final java.util.Map<Long, String> payloads = new java.util.HashMap<>();
    private int failuresAfterCreating;
    private @Nullable String deploymentsRepository;
    private long nextDeploymentId;

    /** A deployment as the simulation holds it; {@code states} are its statuses in the order they were posted. */
    public record Deployment(long id, String sha, String environment, String description, List<String> states) {}

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

    /**
     * Plays {@code POST/GET /repos/{repository}/deployments} and {@code POST …/deployments/{id}/statuses} with
     * state, handing out ids from {@code firstId}.
     */
    public synchronized FakeGitHub withDeployments(String repository, long firstId) {
        this.deploymentsRepository = repository;
        this.nextDeploymentId = firstId;
        return this;
    }

    /** A deployment that existed before the run (e.g. made by an earlier job), with its statuses so far. */
    public synchronized long seedDeployment(String sha, String environment, String... states) {
        long id = nextDeploymentId++;
        deployments.add(new Deployment(id, sha, environment, "seeded", new ArrayList<>(List.of(states))));
        return id;
    }

    /**
     * The next {@code times} deployment creations are applied, then answered with 502 (GitHub failing after it acted):
     * what a blind retry would turn into duplicate deployments.
     */
    public synchronized FakeGitHub failAfterCreating(int times) {
        this.failuresAfterCreating = times;
        return this;
    }

    /** The simulated deployments, oldest first. */
    public synchronized List<Deployment> deployments() {
        return deployments.stream()
                .map(d -> new Deployment(d.id(), d.sha(), d.environment(), d.description(), List.copyOf(d.states())))
                .toList();
    }

    private @Nullable MockResponse simulate(String method, String path, RecordedRequest request) {
        if (deploymentsRepository == null) {
            return null;
        }
        String base = prefix + "/repos/" + deploymentsRepository + "/deployments";
        try {
            if (method.equals("POST") && path.equals(base)) {
                JsonNode body = JSON.readTree(request.getBody().utf8());
                Deployment created = new Deployment(
                        nextDeploymentId++,
                        body.path("ref").asText(),
                        body.path("environment").asText("production"),
                        body.path("description").asText(""),
                        new ArrayList<>());
                deployments.add(created);
                payloads.put(
                        created.id(),
                        body.path("payload").isTextual()
                                ? body.path("payload").asText()
                                : body.path("payload").toString());
                if (failuresAfterCreating > 0) {
                    failuresAfterCreating--;
                    return jsonBody(502, JSON.createObjectNode().put("message", "Server Error"));
                }
                return jsonBody(201, deploymentJson(created));
            }
            if (method.equals("GET") && path.equals(base)) {
                String sha = request.getUrl().queryParameter("sha");
                String environment = request.getUrl().queryParameter("environment");
                ArrayNode list = JSON.createArrayNode();
                for (int i = deployments.size() - 1; i >= 0; i--) {
                    Deployment d = deployments.get(i);
                    if ((sha == null || sha.equals(d.sha()))
                            && (environment == null || environment.equals(d.environment()))) {
                        list.add(deploymentJson(d));
                    }
                }
                return jsonBody(200, list);
            }
            if (method.equals("POST") && path.startsWith(base + "/") && path.endsWith("/statuses")) {
                long id = Long.parseLong(path.substring(base.length() + 1, path.length() - "/statuses".length()));
                Deployment deployment = deployments.stream()
                        .filter(d -> d.id() == id)
                        .findFirst()
                        .orElse(null);
                if (deployment == null) {
                    return null;
                }
                String state =
                        JSON.readTree(request.getBody().utf8()).path("state").asText();
                deployment.states().add(state);
                ObjectNode status = JSON.createObjectNode()
                        .put("id", 9000 + deployment.states().size())
                        .put("state", state)
                        .put("environment", deployment.environment())
                        .put("deployment_url", baseUrl() + "/repos/" + deploymentsRepository + "/deployments/" + id)
                        .put("created_at", "2026-11-25T10:00:05Z")
                        .put("updated_at", "2026-11-25T10:00:05Z");
                return jsonBody(201, status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    private ObjectNode deploymentJson(Deployment deployment) {
        String url = baseUrl() + "/repos/" + deploymentsRepository + "/deployments/" + deployment.id();
        ObjectNode node = JSON.createObjectNode()
                .put("url", url)
                .put("id", deployment.id())
                .put("sha", deployment.sha())
                .put("ref", deployment.sha())
                .put("task", "deploy")
                .put("environment", deployment.environment())
                .put("original_environment", deployment.environment())
                .put("description", deployment.description())
                .put("created_at", "2026-11-25T10:00:00Z")
                .put("updated_at", "2026-11-25T10:00:00Z")
                .put("statuses_url", url + "/statuses")
                .put("repository_url", baseUrl() + "/repos/" + deploymentsRepository)
                .put("transient_environment", false)
                .put("production_environment", deployment.environment().equals("production"));
        // The payload as GitHub returns it: an object (the facade's lookup matches its release_id).
        try {
            node.set("payload", JSON.readTree(payloads.getOrDefault(deployment.id(), "{}")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return node;
    }

    private static MockResponse jsonBody(int code, JsonNode body) throws IOException {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json; charset=utf-8")
                .body(JSON.writeValueAsString(body))
                .build();
    }

    private synchronized MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        sent.add(new Sent(
                request.getMethod(),
                path,
                request.getUrl().query(),
                request.getBody() == null ? "" : request.getBody().utf8(),
                request.getHeaders().get("Authorization")));
        MockResponse simulated = simulate(request.getMethod(), path, request);
        if (simulated != null) {
            return simulated;
        }
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
