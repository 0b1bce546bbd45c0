package io.releasepilot.core.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the durable log of deliveries, one per event and channel. The notifier writes deliveries when it reads an event
 * and then works through the due ones; a crash at any point leaves either no delivery (the event is read again) or a
 * pending one (attempted again), never two.
 */
public interface DeliveryLog {

    /**
     * Stores the deliveries whose dedup key is new and, in the same transaction, moves the consumer's position in the
     * outbox to {@code position} (when not negative), so an event is turned into deliveries exactly once.
     *
     * @return how many deliveries were new
     */
    int enqueue(List<Delivery> deliveries, String consumer, long position);

    /** The consumer's position in the outbox: the last sequence it turned into deliveries (0 at first). */
    long position(String consumer);

    /** What became of one attempt. */
    interface Attempt {
        AttemptResult attempt(Delivery delivery);
    }

    /** The state a delivery moves to after an attempt. */
    record AttemptResult(DeliveryState state, Instant nextAttemptAt, String detail) {}

    /**
     * Attempts each delivery of {@code service} due at {@code now} (oldest first, at most {@code limit}), holding it
     * against other notifiers while it runs and recording the result. Only the service's own deliveries: their channels
     * are those of its spec.
     *
     * @return how many were attempted
     */
    int attemptDue(String service, Instant now, int limit, Attempt attempt);

    /** Deliveries, newest first; only the dead ones and the pending ones that failed at least once when asked. */
    List<Delivery> list(boolean failedOnly, int limit);

    Optional<Delivery> find(long id);

    /** Makes a dead (or pending) delivery due again at {@code now} with its attempts reset; false when unknown. */
    boolean retry(long id, Instant now);
}
