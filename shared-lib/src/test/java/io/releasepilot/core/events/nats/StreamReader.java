package io.releasepilot.core.events.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.releasepilot.core.events.EventSubjects;
import io.releasepilot.core.events.ReleaseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads a stream back for assertions: message count, and every event through a fresh durable consumer. */
final class StreamReader {
    private StreamReader() {}

    static long messageCount(String url) throws Exception {
        try (Connection connection = Nats.connect(url)) {
            JetStreamManagement management = connection.jetStreamManagement();
            return management
                    .getStreamInfo(NatsConfig.DEFAULT_STREAM)
                    .getStreamState()
                    .getMsgCount();
        }
    }

    static List<ReleaseEvent> all(String url, String filter) {
        List<ReleaseEvent> events = new ArrayList<>();
        try (NatsEventSubscriber subscriber = new NatsEventSubscriber(
                NatsConfig.of(url),
                "reader-" + UUID.randomUUID().toString().substring(0, 8),
                filter,
                Duration.ofSeconds(30))) {
            while (subscriber.poll(1_000, Duration.ofMillis(700), events::add) > 0) {
                // keep fetching until a fetch comes back empty
            }
        }
        return events;
    }

    static List<ReleaseEvent> all(String url) {
        return all(url, EventSubjects.ALL);
    }
}
