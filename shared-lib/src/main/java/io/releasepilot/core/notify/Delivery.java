package io.releasepilot.core.notify;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One notification for one channel: a row of the delivery log. {@code dedupKey} (event id and channel) is unique, so an
 * event read twice (an outbox pass repeated, a NATS redelivery) never yields a second delivery.
 *
 * @param id the log's id (0 before it is stored)
 * @param attempts attempts made so far
 * @param nextAttemptAt when a pending delivery is due
 * @param lastError the last failure, if any
 */
public record Delivery(
        long id,
        String dedupKey,
        String channel,
        Notification notification,
        DeliveryState state,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable Instant deliveredAt) {

    public Delivery {
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    /** A new pending delivery of {@code notification} through {@code channel}, due at once. */
    public static Delivery pending(Notification notification, String channel) {
        return new Delivery(
                0,
                key(notification, channel),
                channel,
                notification,
                DeliveryState.PENDING,
                0,
                notification.time(),
                null,
                null);
    }

    /** The dedup key: the event id and the channel name. */
    public static String key(Notification notification, String channel) {
        return notification.eventId() + "/" + channel;
    }
}
