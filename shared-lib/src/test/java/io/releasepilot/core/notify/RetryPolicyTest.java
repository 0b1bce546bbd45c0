package io.releasepilot.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(20));

    @Test
    void shouldDoubleTheWaitWithJitterUpToTheCap() {
        assertThat(policy.delay(1, 0.0, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(1, 0.999, null)).isBetween(Duration.ofMillis(1990), Duration.ofSeconds(2));
        assertThat(policy.delay(3, 0.0, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delay(30, 0.0, null)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldNeverRetryBeforeTheProvidersRetryAfter() {
        assertThat(policy.delay(1, 0.5, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        assertThat(policy.exhausted(4)).isFalse();
        assertThat(policy.exhausted(5)).isTrue();
    }
}
