package io.releasepilot.core.events.nats;

import io.releasepilot.core.InvalidInputException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to publish release events.
 *
 * @param url NATS server URL(s), comma separated ({@code RP_NATS_URL})
 * @param stream JetStream stream name ({@code RP_NATS_STREAM}, default {@code RELEASE_PILOT})
 * @param timeout connect and acknowledgement timeout ({@code RP_NATS_TIMEOUT_MS}, default 5000)
 * @param duplicateWindow how long JetStream remembers message ids to drop republished events (default 1 h)
 */
public record NatsConfig(String url, String stream, Duration timeout, Duration duplicateWindow) {
    public static final String DEFAULT_STREAM = "RELEASE_PILOT";

    public NatsConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(stream, "stream");
        if (url.isBlank()) {
            throw new InvalidInputException("RP_NATS_URL is empty");
        }
        if (!stream.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidInputException("NATS stream name must be 1-64 of [A-Za-z0-9_-], was '" + stream + "'");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidInputException("NATS timeout must be positive, was " + timeout);
        }
    }

    public static NatsConfig of(String url) {
        return new NatsConfig(url, DEFAULT_STREAM, Duration.ofSeconds(5), Duration.ofHours(1));
    }

    /** The configuration from environment variables, or empty when {@code RP_NATS_URL} is not set (NATS is optional). */
    public static Optional<NatsConfig> fromEnvironment(Map<String, String> env) {
        String url = env.get("RP_NATS_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String stream = env.getOrDefault("RP_NATS_STREAM", DEFAULT_STREAM);
        Duration timeout = Duration.ofSeconds(5);
        String millis = env.get("RP_NATS_TIMEOUT_MS");
        if (millis != null) {
            try {
                timeout = Duration.ofMillis(Long.parseLong(millis.trim()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(
                        "RP_NATS_TIMEOUT_MS must be a number of milliseconds, was '" + millis + "'");
            }
        }
        return Optional.of(new NatsConfig(url, stream, timeout, Duration.ofHours(1)));
    }
}
