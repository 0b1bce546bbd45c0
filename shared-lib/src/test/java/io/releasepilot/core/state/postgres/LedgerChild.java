package io.releasepilot.core.state.postgres;

import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.EnvironmentLockedException;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StateStoreConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A second "CI runner" in its own JVM. {@code migrate START_AT}: open the ledger (runs migrations) at the given epoch
 * millisecond. {@code start START_AT SERVICE THREADS}: at that moment, start the same release from THREADS threads;
 * prints one line per attempt, STARTED or LOCKED with the message.
 */
final class LedgerChild {
    private LedgerChild() {}

    public static void main(String[] args) throws Exception {
        StateStoreConfig config =
                StateStoreConfig.fromEnvironment(System.getenv()).withPoolSize(12);
        long startAt = Long.parseLong(args[1]);
        while (System.currentTimeMillis() < startAt) {
            Thread.sleep(1);
        }
        try (PostgresReleaseStore store = PostgresReleaseStore.open(config)) {
            if (args[0].equals("migrate")) {
                System.out.println("MIGRATED");
                return;
            }
            String service = args[2];
            int threads = Integer.parseInt(args[3]);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<String>> attempts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                attempts.add(pool.submit(() -> {
                    try {
                        return "STARTED "
                                + store.start(
                                                ReleaseRequest.of(
                                                        service,
                                                        "prod",
                                                        "1.0.0",
                                                        ReleaseStrategy.CANARY,
                                                        new Actor(
                                                                "runner-"
                                                                        + ProcessHandle.current()
                                                                                .pid(),
                                                                "https://ci/run")),
                                                StartOptions.failFast())
                                        .id();
                    } catch (EnvironmentLockedException e) {
                        return "LOCKED " + e.getMessage();
                    }
                }));
            }
            for (Future<String> attempt : attempts) {
                System.out.println(attempt.get());
            }
            pool.shutdown();
        }
    }
}
