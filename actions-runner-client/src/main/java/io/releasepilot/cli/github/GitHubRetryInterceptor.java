package io.releasepilot.cli.github;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Retries GitHub calls that failed for a passing reason: a rate limit (403 or 429 carrying {@code Retry-After} or
 * {@code x-ratelimit-remaining: 0}) and server errors (5xx). Waits are bounded: {@code Retry-After} or the rate-limit
 * reset when given, else exponential backoff from one second; a wait longer than the limit is not made, the response
 * goes back to the caller and fails there. A 403 without rate-limit headers is a permission problem and is not retried.
 */
final class GitHubRetryInterceptor implements Interceptor {

    /** Sleeps between attempts; tests record the waits instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int maxAttempts;
    private final Duration maxWait;
    private final Sleeper sleeper;
    private final Clock clock;

    GitHubRetryInterceptor(int maxAttempts, Duration maxWait, Sleeper sleeper, Clock clock) {
        this.maxAttempts = maxAttempts;
        this.maxWait = maxWait;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        okhttp3.Request request = chain.request();
        boolean replayable = replayable(request);
        Response response = chain.proceed(request);
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            Optional<Duration> wait = retryWait(response, attempt);
            if (!replayable && response.code() >= 500) {
                return response;
            }
            if (wait.isEmpty() || wait.get().compareTo(maxWait) > 0) {
                return response;
            }
            response.close();
            try {
                sleeper.sleep(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting to retry "
                        + chain.request().url().encodedPath());
            }
            response = chain.proceed(request);
        }
        return response;
    }

    /**
     * Whether a call may be repeated after a 5xx, which GitHub may have applied before failing: reads, and the POSTs
     * of statuses (commit and deployment statuses: a repeated status is harmless). Creating a deployment is not
     * repeated here; GitHubFacade looks the deployment up first.
     */
    static boolean replayable(okhttp3.Request request) {
        String method = request.method();
        if (!"POST".equals(method) && !"PATCH".equals(method)) {
            return true;
        }
        String path = request.url().encodedPath();
        return "POST".equals(method) && (path.endsWith("/statuses") || path.matches(".*/statuses/[^/]+"));
    }

    /** How long to wait before retrying this response, or empty when it must not be retried. */
    Optional<Duration> retryWait(Response response, int attempt) {
        int code = response.code();
        Optional<Duration> retryAfter = seconds(response.header("Retry-After"));
        boolean exhausted = "0".equals(response.header("x-ratelimit-remaining"));
        if (code == 403 || code == 429) {
            if (retryAfter.isPresent()) {
                return retryAfter;
            }
            if (exhausted) {
                return seconds(response.header("x-ratelimit-reset")).map(reset -> {
                    Duration untilReset = Duration.between(clock.instant(), Instant.EPOCH.plus(reset));
                    return untilReset.isNegative() ? Duration.ofSeconds(1) : untilReset.plusSeconds(1);
                });
            }
            return code == 429 ? Optional.of(backoff(attempt)) : Optional.empty();
        }
        if (code >= 500 && code <= 599) {
            return Optional.of(retryAfter.orElse(backoff(attempt)));
        }
        return Optional.empty();
    }

    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(1L << Math.min(attempt - 1, 5));
    }

    private static Optional<Duration> seconds(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim()))));
        } catch (NumberFormatException e) {
            // Retry-After may also be an HTTP date; GitHub sends seconds, so a date falls back to backoff.
            return Optional.empty();
        }
    }
}
