package io.releasepilot.core.events.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.releasepilot.core.events.EventPublishException;
import io.releasepilot.core.events.EventPublisher;
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
        PublishOptions options = PublishOptions.builder()
                .messageId(event.id().toString())
                .expectedStream(connection.config().stream())
                .streamTimeout(connection.config().timeout())
                .build();
        byte[] body = event.toJson().getBytes(StandardCharsets.UTF_8);
        try {
            PublishAck ack = connection.jetStream().publish(event.subject(), body, options);
            if (ack.hasError()) {
                throw new EventPublishException("JetStream refused event " + event.id() + ": " + ack.getError());
            }
        } catch (IOException | JetStreamApiException | IllegalStateException e) {
            throw new EventPublishException(
                    "no JetStream acknowledgement for event " + event.id() + " from "
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
