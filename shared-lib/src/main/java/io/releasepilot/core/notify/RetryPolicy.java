package io.releasepilot.core.notify;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Exponential backoff with jitter and a cap, and a dead-letter after {@code maxAttempts}. Pure: the caller passes the
 * random draw, so retries of many deliveries after an outage spread out instead of arriving together.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts must be 1..100, was " + maxAttempts);
        }
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
    }

    /** 8 attempts, 2 s doubling to at most 10 minutes: about 20 minutes of trying before a dead letter. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofMinutes(10));
    }

    /** Whether a delivery that has failed {@code attempts} times gets no more. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /**
     * The wait after the {@code attempts}-th failure: base × 2^(attempts-1), capped, scaled by a jitter factor in [0.5,
     * 1.0) from {@code random} (0 ≤ random < 1); never shorter than the provider's Retry-After.
     */
    public Duration delay(int attempts, double random, @Nullable Duration retryAfter) {
        long exponent = Math.min(Math.max(attempts - 1, 0), 30);
        long millis = Math.min(cap.toMillis(), base.toMillis() * (1L << exponent));
        long jittered = (long) (millis * (0.5 + 0.5 * random));
        Duration delay = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}
