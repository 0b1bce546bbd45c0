package io.releasepilot.core.events.nats;

import io.releasepilot.core.events.OutboxRelay;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import java.time.Duration;

/** A relay in a process of its own, for the test that kills it mid-batch: args = batch size. */
final class RelayMain {
    private RelayMain() {}

    public static void main(String[] args) {
        StateStoreConfig config = StateStoreConfig.fromEnvironment(System.getenv());
        try (PostgresReleaseStore store = PostgresReleaseStore.open(config);
                NatsEventPublisher publisher = new NatsEventPublisher(
                        NatsConfig.fromEnvironment(System.getenv()).orElseThrow());
                OutboxRelay relay = new OutboxRelay(
                        store.outbox(),
                        publisher,
                        new OutboxRelay.Options(
                                Integer.parseInt(args[0]),
                                Duration.ofMillis(100),
                                Duration.ofMillis(100),
                                Duration.ofSeconds(1)))) {
            relay.drain(Duration.ofMinutes(2));
        }
    }
}
