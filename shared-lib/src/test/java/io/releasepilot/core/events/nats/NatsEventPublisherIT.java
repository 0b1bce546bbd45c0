package io.releasepilot.core.events.nats;

import io.releasepilot.core.events.EventPublisher;
import io.releasepilot.core.events.EventPublisherContractTest;
import io.releasepilot.core.events.ReleaseEvent;
import io.releasepilot.core.testing.OwnNatsServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The publisher contract against a real nats-server with JetStream. */
class NatsEventPublisherIT extends EventPublisherContractTest {
    private static OwnNatsServer nats;
    private static NatsEventPublisher publisher;

    @BeforeAll
    static void start() {
        nats = OwnNatsServer.start();
        publisher = new NatsEventPublisher(NatsConfig.of(nats.url()));
    }

    @AfterAll
    static void stop() {
        publisher.close();
        nats.close();
    }

    @Override
    protected EventPublisher publisher() {
        return publisher;
    }

    @Override
    protected List<ReleaseEvent> stored(String service) {
        return StreamReader.all(nats.url()).stream()
                .filter(event -> event.service().equals(service))
                .toList();
    }
}
