package io.releasepilot.core.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of the transactional outbox: an event written in the same transaction as the ledger change it describes.
 *
 * @param sequence the outbox order (the relay publishes in this order)
 * @param eventId the event id (CloudEvents id and {@code Nats-Msg-Id})
 * @param service exact service name
 * @param environment exact environment name
 * @param subject NATS subject
 * @param type event type
 * @param payload the CloudEvents JSON document
 * @param createdAt when the row was written
 * @param sentAt when JetStream acknowledged it; {@code null} while unsent
 */
public record OutboxEntry(
        long sequence,
        UUID eventId,
        String service,
        String environment,
        String subject,
        EventType type,
        String payload,
        Instant createdAt,
        @Nullable Instant sentAt) {

    public OutboxEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public ReleaseEvent event() {
        return ReleaseEvent.fromJson(payload);
    }

    public Optional<Instant> sent() {
        return Optional.ofNullable(sentAt);
    }
}
