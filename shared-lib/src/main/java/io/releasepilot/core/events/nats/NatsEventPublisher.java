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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * Sends the whole batch before waiting for the first acknowledgement (JetStream stores messages of one connection
     * in the order they were sent), then counts the acknowledgements in order: one round trip per batch, not per
     * event. A republished event is dropped by the stream's duplicate window (Nats-Msg-Id = event id).
     */
    @Override
    public int publishInOrder(List<OutboxEntry> entries) {
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>(entries.size());
        for (OutboxEntry entry : entries) {
            PublishOptions options = PublishOptions.builder()
                    .messageId(entry.eventId().toString())
                    .build();
            try {
                acks.add(connection
                        .jetStream()
                        .publishAsync(entry.subject(), entry.payload().getBytes(StandardCharsets.UTF_8), options));
            } catch (RuntimeException e) {
                // Not connected, or the client refused: this entry and the rest wait for the next pass.
                acks.add(CompletableFuture.failedFuture(e));
                break;
            }
        }
        int stored = 0;
        long deadline = System.nanoTime() + connection.config().timeout().toNanos();
        for (int i = 0; i < acks.size(); i++) {
            String eventId = entries.get(i).eventId().toString();
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                PublishAck ack = acks.get(i).get(left, TimeUnit.NANOSECONDS);
                if (ack.hasError()) {
                    throw new EventPublishException("JetStream refused event " + eventId + ": " + ack.getError());
                }
                stored++;
            } catch (ExecutionException | TimeoutException | EventPublishException e) {
                if (stored == 0) {
                    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                    throw cause instanceof EventPublishException publish
                            ? publish
                            : new EventPublishException(
                                    "no JetStream acknowledgement for event " + eventId + " from "
                                            + connection.config().url() + " within "
                                            + connection.config().timeout().toMillis() + " ms: " + e.getMessage(),
                                    e);
                }
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (stored == 0) {
                    throw new EventPublishException("interrupted waiting for JetStream acknowledgements", e);
                }
                break;
            }
        }
        return stored;
    }

    @Override
    public void close() {
        connection.close();
    }
}
