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

    /**
     * Publishes an outbox row as stored (its CloudEvents document, subject and id), waiting for the acknowledgement.
     * Adapters override this to send the stored bytes without parsing them again.
     */
    default void publish(OutboxEntry entry) {
        publish(entry.event());
    }

    @Override
    default void close() {}
}
