package io.releasepilot.cli.github;

import io.releasepilot.cli.actions.ActionsContext;
import io.releasepilot.core.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach GitHub: the API base URL ({@code https://api.github.com}, or {@code https://HOST/api/v3} on GitHub
 * Enterprise Server), the token, the repository and the limits on waiting.
 *
 * @param apiUrl the REST base URL, never derived from the server URL
 * @param token an installation token ({@code GITHUB_TOKEN}) or a PAT
 * @param repository {@code owner/name}
 * @param connectTimeout TCP connect timeout per attempt
 * @param readTimeout read/write timeout per attempt
 * @param maxAttempts attempts per call, counting the first (rate limits and 5xx are retried)
 * @param maxWait the longest single wait before a retry; a rate limit that resets later fails at once
 */
public record GitHubSettings(
        String apiUrl,
        String token,
        String repository,
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration maxWait) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);

    public GitHubSettings {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(maxWait, "maxWait");
        apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        URI uri;
        try {
            uri = URI.create(apiUrl);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("GitHub API URL '" + apiUrl + "' is not a URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new InvalidInputException(
                    "GitHub API URL '" + apiUrl + "' must start with https:// (GHES: https://HOST/api/v3)");
        }
        if (token == null || token.isBlank()) {
            throw new InvalidInputException(
                    "no GitHub token: pass input github-token (default ${{ github.token }}) or set GITHUB_TOKEN");
        }
        if (repository == null || !repository.matches("[^/\\s]+/[^/\\s]+")) {
            throw new InvalidInputException("repository must be owner/name, got '" + repository + "'");
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new InvalidInputException("maxAttempts must be 1..10, got " + maxAttempts);
        }
    }

    public static GitHubSettings of(String apiUrl, String token, String repository) {
        return new GitHubSettings(
                apiUrl,
                token,
                repository,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS,
                DEFAULT_MAX_WAIT);
    }

    /**
     * From the step's context: API URL from input {@code github-api-url} else {@code GITHUB_API_URL}; token from input
     * {@code github-token} else {@code GITHUB_TOKEN}; repository from input {@code repository} else
     * {@code GITHUB_REPOSITORY}.
     */
    public static GitHubSettings from(ActionsContext context) {
        return of(
                context.effectiveApiUrl(),
                context.token().orElse(null),
                context.input("repository", context.repository()));
    }

    public GitHubSettings withTimeouts(Duration connect, Duration read) {
        return new GitHubSettings(apiUrl, token, repository, connect, read, maxAttempts, maxWait);
    }

    public GitHubSettings withRetries(int attempts, Duration longestWait) {
        return new GitHubSettings(apiUrl, token, repository, connectTimeout, readTimeout, attempts, longestWait);
    }

    // Never print the token.
    @Override
    public String toString() {
        return "GitHubSettings[apiUrl=" + apiUrl + ", repository=" + repository + ", maxAttempts=" + maxAttempts + "]";
    }
}
