package io.releasepilot.core.events;

import io.releasepilot.core.InfrastructureException;

/** The event broker (NATS JetStream) was unreachable or did not acknowledge an event in time. */
public class EventPublishException extends InfrastructureException {
    private static final long serialVersionUID = 1L;

    public EventPublishException(String message) {
        super(message);
    }

    public EventPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
