package io.releasepilot.core.spec;

import java.util.Optional;

/** The NATS server events are published to. Unset {@code urlEnv}: events stay in the outbox. */
public record NatsSpec(Optional<String> urlEnv, Optional<String> credentialsId) {
    public NatsSpec {
        Require.optional(urlEnv, "urlEnv");
        Require.optional(credentialsId, "credentialsId");
    }

    /** No NATS: events stay in the outbox. */
    public static NatsSpec none() {
        return new NatsSpec(Optional.empty(), Optional.empty());
    }
}
