package io.releasepilot.cli.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHDeployment;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.extras.okhttp3.OkHttpGitHubConnector;

/**
 * The one wrapper around {@code org.kohsuke:github-api} (over OkHttp): deployments, deployment statuses and the gate's
 * commit status. No {@code org.kohsuke.github} type leaves this class, so moving to github-api 2.x stays a change
 * here. Retries (rate limits, 5xx) and timeouts live in the OkHttp client; github-api's own waiting handlers are set to
 * fail so that only one bounded policy applies. A POST that failed with a 5xx or a timeout may already have been
 * applied by GitHub: statuses are repeated (harmless), a deployment is first looked up by ref, environment, task and
 * the release id in its payload, and created again only when GitHub has none ({@link #createDeployment}).
 */
public final class GitHubFacade implements AutoCloseable {

    /** The context of the gate's commit status, which branch protection can require. */
    public static final String GATE_CONTEXT = "release-pilot/gate";

    /** GitHub's limit for status descriptions. */
    public static final int MAX_DESCRIPTION = 140;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final GitHubSettings settings;
    private final OkHttpClient http;
    private final GitHub github;
    private GHRepository repository;

    private GitHubFacade(GitHubSettings settings, OkHttpClient http, GitHub github) {
        this.settings = settings;
        this.http = http;
        this.github = github;
    }

    /** Connects lazily: no request is made until the first call. */
    public static GitHubFacade connect(GitHubSettings settings) {
        return connect(settings, duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC());
    }

    static GitHubFacade connect(GitHubSettings settings, GitHubRetryInterceptor.Sleeper sleeper, Clock clock) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .addInterceptor(new GitHubRetryInterceptor(settings.maxAttempts(), settings.maxWait(), sleeper, clock))
                .build();
        try {
            GitHub github = new GitHubBuilder()
                    .withEndpoint(settings.apiUrl())
                    // An installation token needs no login lookup; withOAuthToken would first call GET /user.
                    .withAppInstallationToken(settings.token())
                    .withConnector(new OkHttpGitHubConnector(http))
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                    .build();
            return new GitHubFacade(settings, http, github);
        } catch (IOException e) {
            throw new GitHubException(
                    "cannot set up the GitHub client for " + settings.apiUrl() + ": "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    public GitHubSettings settings() {
        return settings;
    }

    /**
     * Creates a deployment of {@code request.ref()} to its environment with {@code auto_merge=false},
     * {@code required_contexts=[]} and the release id in the payload.
     *
     * @return the deployment id
     */
    public long createDeployment(DeploymentRequest request) {
        Map<String, String> payload = new LinkedHashMap<>(request.payload());
        payload.put("release_id", request.releaseId());
        payload.put("tool", "release-pilot");
        String encoded;
        try {
            encoded = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new GitHubException("cannot encode the deployment payload: " + e.getOriginalMessage(), e);
        }
        String what = "create a deployment of " + request.ref() + " to " + request.environment() + " in";
        for (int attempt = 1; ; attempt++) {
            try {
                GHDeployment deployment = repository()
                        .createDeployment(request.ref())
                        .autoMerge(false)
                        .requiredContexts(List.of())
                        .environment(request.environment())
                        .description(request.description())
                        .payload(encoded)
                        .create();
                return deployment.getId();
            } catch (IOException e) {
                if (!ambiguous(e) || attempt >= settings.maxAttempts()) {
                    throw failure(what, e);
                }
                // GitHub may have created it before failing: never create a second one for the same release.
                Optional<Long> created = findDeployment(request);
                if (created.isPresent()) {
                    return created.get();
                }
            }
        }
    }

    /** A failure after which the POST may or may not have been applied: a server error or a timeout. */
    private static boolean ambiguous(IOException e) {
        if (e instanceof HttpException http) {
            return http.getResponseCode() >= 500;
        }
        return e instanceof java.io.InterruptedIOException || e.getCause() instanceof java.io.InterruptedIOException;
    }

    /** This release's deployment of the ref to the environment, if GitHub already has it (payload release_id). */
    Optional<Long> findDeployment(DeploymentRequest request) {
        okhttp3.HttpUrl url = okhttp3.HttpUrl.get(
                        settings.apiUrl() + "/repos/" + settings.repository() + "/deployments")
                .newBuilder()
                .addQueryParameter("ref", request.ref())
                .addQueryParameter("environment", request.environment())
                .addQueryParameter("task", "deploy")
                .addQueryParameter("per_page", "100")
                .build();
        Request get = new Request.Builder()
                .url(url)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("Authorization", "token " + settings.token())
                .get()
                .build();
        String what = "look up the deployment of " + request.ref() + " to " + request.environment() + " in";
        try (Response response = http.newCall(get).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new GitHubException("cannot " + what + " " + settings.repository() + " at " + settings.apiUrl()
                        + ": HTTP " + response.code() + hint(response.code()));
            }
            com.fasterxml.jackson.databind.JsonNode list =
                    JSON.readTree(response.body().byteStream());
            for (com.fasterxml.jackson.databind.JsonNode deployment : list) {
                com.fasterxml.jackson.databind.JsonNode payload = deployment.path("payload");
                if (payload.isTextual()) {
                    payload = JSON.readTree(payload.asText());
                }
                if (request.releaseId().equals(payload.path("release_id").asText(null))) {
                    return Optional.of(deployment.path("id").asLong());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw failure(what, e);
        }
    }

    /**
     * Posts a status on a deployment (in_progress, success, failure, inactive, …) with its log and environment URLs.
     *
     * <p>Sent with our own OkHttp call: github-api 1.330 spells {@code IN_PROGRESS} as {@code in-progress}, which the
     * API does not know (GitHubFacadeTest pins the wire format).
     */
    public void setDeploymentStatus(long deploymentId, DeploymentStatusRequest status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", status.state().name().toLowerCase(Locale.ROOT));
        body.put("description", status.description());
        if (!status.logUrl().isEmpty()) {
            body.put("log_url", status.logUrl());
        }
        if (!status.environmentUrl().isEmpty()) {
            body.put("environment_url", status.environmentUrl());
        }
        String what = "set status " + body.get("state") + " on deployment " + deploymentId + " in";
        post("/repos/" + settings.repository() + "/deployments/" + deploymentId + "/statuses", body, what);
    }

    private void post(String path, Map<String, Object> body, String what) {
        Request request;
        try {
            request = new Request.Builder()
                    .url(settings.apiUrl() + path)
                    .header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", "2022-11-28")
                    .header("Authorization", "token " + settings.token())
                    .post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE))
                    .build();
        } catch (JsonProcessingException e) {
            throw new GitHubException("cannot encode the request to " + what + " " + settings.repository(), e);
        }
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new GitHubException("cannot " + what + " " + settings.repository() + " at " + settings.apiUrl()
                        + ": HTTP " + response.code() + hint(response.code()));
            }
        } catch (IOException e) {
            throw failure(what, e);
        }
    }

    /**
     * The newest deployment of a SHA to an environment, e.g. the version a rollback moves away from (which then gets
     * {@link DeploymentState#INACTIVE}).
     */
    public Optional<Long> latestDeployment(String environment, String sha) {
        try {
            for (GHDeployment deployment :
                    repository().listDeployments(sha, null, null, environment).withPageSize(1)) {
                return Optional.of(deployment.getId());
            }
            return Optional.empty();
        } catch (IOException e) {
            throw failure("list deployments of " + sha + " to " + environment + " in", e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw failure("list deployments of " + sha + " to " + environment + " in", io);
            }
            throw e;
        }
    }

    /**
     * Sets the {@value #GATE_CONTEXT} commit status on {@code sha}: the gate's summary (cut to 140 characters) and a
     * link to the full report.
     */
    public void setGateStatus(String sha, CommitState state, String description, String targetUrl) {
        setCommitStatus(sha, state, GATE_CONTEXT, description, targetUrl);
    }

    public void setCommitStatus(String sha, CommitState state, String context, String description, String targetUrl) {
        try {
            repository()
                    .createCommitStatus(
                            sha,
                            GHCommitState.valueOf(state.name()),
                            targetUrl == null || targetUrl.isEmpty() ? null : targetUrl,
                            truncate(description == null ? "" : description, MAX_DESCRIPTION),
                            context);
        } catch (IOException e) {
            throw failure("set commit status " + context + " on " + sha + " in", e);
        }
    }

    private GHRepository repository() throws IOException {
        if (repository == null) {
            repository = github.getRepository(settings.repository());
        }
        return repository;
    }

    /** Cuts text to {@code max} characters, ending with an ellipsis when it was longer. */
    public static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private GitHubException failure(String what, IOException e) {
        String reason;
        if (e instanceof HttpException http) {
            reason = "HTTP " + http.getResponseCode() + hint(http.getResponseCode());
        } else if (e instanceof GHFileNotFoundException) {
            reason = "not found (check the repository name and that the token may read it)";
        } else {
            reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
        }
        // The message names URL and repository, never the token (github-api does not echo it either).
        return new GitHubException(
                "cannot " + what + " " + settings.repository() + " at " + settings.apiUrl() + ": " + reason, e);
    }

    private static String hint(int code) {
        return switch (code) {
            case 401 -> " (bad credentials: check the token input or GITHUB_TOKEN)";
            case 403 ->
                " (forbidden or rate limited: the workflow needs permissions deployments: write and"
                        + " statuses: write)";
            case 404 -> " (not found: check the repository, the API URL and the token's access)";
            case 409 -> " (conflict: the ref is behind or its status checks failed)";
            case 422 -> " (validation failed: check the ref and environment)";
            case -1 -> "";
            default -> code >= 500 ? " (GitHub server error; retried)" : "";
        };
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
