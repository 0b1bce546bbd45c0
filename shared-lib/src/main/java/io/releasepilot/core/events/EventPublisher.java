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

    /**
     * Publishes entries in order and returns how many of them, counted from the first, the broker has stored. It stops
     * at the first failure, which it throws only when not even the first entry was stored. Adapters may pipeline the
     * publishes (send all, then wait for the acknowledgements in order); the default publishes one by one.
     */
    default int publishInOrder(java.util.List<OutboxEntry> entries) {
        int stored = 0;
        for (OutboxEntry entry : entries) {
            try {
                publish(entry);
                stored++;
            } catch (EventPublishException e) {
                if (stored == 0) {
                    throw e;
                }
                break;
            }
        }
        return stored;
    }
}
