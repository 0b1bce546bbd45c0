package io.releasepilot.core.notify.engine;

import io.releasepilot.core.notify.postgres.PostgresDeliveryLog;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import java.net.URI;

/**
 * A notifier in its own JVM, for the kill -9 test: {@code <jdbc-url> <user> <schema> <service> <hook-url>}. Runs until
 * killed; prints "ready" once the ledger is open.
 */
public final class NotifierChild {
    private NotifierChild() {}

    public static void main(String[] args) throws Exception {
        StateStoreConfig config =
                StateStoreConfig.server(args[0], args[1], null).withSchema(args[2]);
        try (PostgresReleaseStore store = PostgresReleaseStore.open(config)) {
            Notifier notifier = NotifierFixture.notifier(
                    args[3], store, new PostgresDeliveryLog(store.dataSource()), URI.create(args[4]));
            System.out.println("ready");
            System.out.flush();
            while (true) {
                notifier.intake(store.outbox(), 100);
                notifier.dispatch(100);
                Thread.sleep(20);
            }
        }
    }
}
