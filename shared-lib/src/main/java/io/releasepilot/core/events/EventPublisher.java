package io.releasepilot.core.events;

/**
 * Port: publishes one release event and returns only once the broker has stored it. Implementations must be
 * idempotent per event id (the outbox relay may publish an event again after a crash).
 */
public interface EventPublisher extends AutoCloseable {

    /**
     * Publishes the event and waits for the broker's acknowledgement.
     *
     * @throws EventPublishException when the broker is unreachable or did not acknowledge in time
     */
    void publish(ReleaseEvent event);

    @Override
    default void close() {}
}
