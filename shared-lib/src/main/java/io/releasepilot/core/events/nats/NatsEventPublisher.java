package io.releasepilot.core.events.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.releasepilot.core.events.EventPublishException;
import io.releasepilot.core.events.EventPublisher;
import io.releasepilot.core.events.OutboxEntry;
import io.releasepilot.core.events.ReleaseEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Publishes release events to the JetStream stream {@code RELEASE_PILOT} (created or updated on first use) with {@code
 * Nats-Msg-Id} = event id, and waits for the stream's acknowledgement. A republished event inside the stream's
 * duplicate window is acknowledged as a duplicate and not stored again.
 */
public final class NatsEventPublisher implements EventPublisher {
    private final JetStreamConnection connection;

    public NatsEventPublisher(NatsConfig config) {
        this.connection = new JetStreamConnection(config);
    }

    @Override
    public void publish(ReleaseEvent event) {
        send(event.id().toString(), event.subject(), event.toJson());
    }

    @Override
    public void publish(OutboxEntry entry) {
        send(entry.eventId().toString(), entry.subject(), entry.payload());
    }

    private void send(String eventId, String subject, String json) {
        PublishOptions options = PublishOptions.builder().messageId(eventId).build();
        try {
            PublishAck ack = connection.jetStream().publish(subject, json.getBytes(StandardCharsets.UTF_8), options);
            if (ack.hasError()) {
                throw new EventPublishException("JetStream refused event " + eventId + ": " + ack.getError());
            }
        } catch (IOException | JetStreamApiException | IllegalStateException e) {
            throw new EventPublishException(
                    "no JetStream acknowledgement for event " + eventId + " from "
                            + connection.config().url() + " within "
                            + connection.config().timeout().toMillis() + " ms: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
