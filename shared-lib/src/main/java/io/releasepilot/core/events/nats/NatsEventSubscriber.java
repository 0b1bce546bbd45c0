package io.releasepilot.core.events.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.events.EventPublishException;
import io.releasepilot.core.events.EventSubjects;
import io.releasepilot.core.events.EventSubscriber;
import io.releasepilot.core.events.ReleaseEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable JetStream pull consumer on the release stream. The durable name identifies the subscriber (e.g. {@code
 * slack-notifier}); JetStream keeps its position, so after a restart it receives what it has not acknowledged yet.
 * Messages that are not release events are terminated (never redelivered) and logged.
 */
public final class NatsEventSubscriber implements EventSubscriber {
    private static final Logger LOG = LoggerFactory.getLogger(NatsEventSubscriber.class);

    private final JetStreamConnection connection;
    private final String durableName;
    private final String filterSubject;
    private final Duration ackWait;
    private @Nullable JetStreamSubscription subscription;

    /**
     * @param durableName consumer name, 1-64 of {@code [A-Za-z0-9_-]}
     * @param filterSubject e.g. {@link EventSubjects#ALL} or {@link EventSubjects#filter(String, String)}
     * @param ackWait how long JetStream waits for an acknowledgement before redelivering; keep it well above the
     *     {@code wait} of {@link #poll} plus the handling time, or events are redelivered while still being handled
     */
    public NatsEventSubscriber(NatsConfig config, String durableName, String filterSubject, Duration ackWait) {
        if (!durableName.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidInputException(
                    "durable consumer name must be 1-64 of [A-Za-z0-9_-], was '" + durableName + "'");
        }
        this.connection = new JetStreamConnection(config);
        this.durableName = durableName;
        this.filterSubject = filterSubject;
        this.ackWait = ackWait;
    }

    public NatsEventSubscriber(NatsConfig config, String durableName) {
        this(config, durableName, EventSubjects.ALL, Duration.ofSeconds(30));
    }

    private synchronized JetStreamSubscription subscription() throws IOException, JetStreamApiException {
        if (subscription == null || !subscription.isActive()) {
            PullSubscribeOptions options = PullSubscribeOptions.builder().stream(connection.config().stream())
                    .durable(durableName)
                    .configuration(ConsumerConfiguration.builder()
                            .durable(durableName)
                            .filterSubject(filterSubject)
                            .ackPolicy(AckPolicy.Explicit)
                            .deliverPolicy(DeliverPolicy.All)
                            .ackWait(ackWait)
                            .build())
                    .build();
            subscription = connection.jetStream().subscribe(filterSubject, options);
        }
        return subscription;
    }

    @Override
    public int poll(int max, Duration wait, Handler handler) {
        List<Message> messages;
        try {
            messages = subscription().fetch(max, wait);
        } catch (IOException | JetStreamApiException | IllegalStateException e) {
            throw new EventPublishException(
                    "cannot fetch from NATS consumer '" + durableName + "' at "
                            + connection.config().url() + ": " + e.getMessage(),
                    e);
        }
        int handled = 0;
        for (Message message : messages) {
            ReleaseEvent event;
            try {
                event = ReleaseEvent.fromJson(new String(message.getData(), StandardCharsets.UTF_8));
            } catch (InvalidInputException e) {
                LOG.warn(
                        "dropping a message on {} that is not a release event: {}",
                        message.getSubject(),
                        e.getMessage());
                message.term();
                continue;
            }
            try {
                handler.handle(event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                message.nak();
                break;
            } catch (Exception e) { // the handler is user code; any failure means "deliver again later"
                LOG.warn("handler of consumer '{}' failed on event {}: {}", durableName, event.id(), e.toString());
                message.nak();
                continue;
            }
            message.ack();
            handled++;
        }
        return handled;
    }

    @Override
    public synchronized void close() {
        subscription = null;
        connection.close();
    }
}
