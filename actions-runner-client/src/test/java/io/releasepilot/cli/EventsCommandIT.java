package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.events.ReleaseEvent;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.ChildJvm;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.OwnPostgres;
import io.releasepilot.core.testing.TestServices;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code release-pilot events} as a real process with its settings in the environment. */
class EventsCommandIT {

    private static Process cli(Map<String, String> env, String... args) throws InterruptedException {
        Process process = ChildJvm.start(ReleasePilotCli.class, env, args);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return process;
    }

    @Test
    void shouldPrintTheOutboxAsCloudEventsAndRelayItToNats() throws Exception {
        StateStoreConfig config = LedgerDatabases.freshSchema();
        try (PostgresReleaseStore store = PostgresReleaseStore.open(config)) {
            Release release = store.start(
                    ReleaseRequest.of("api", "prod", "1.0.0", ReleaseStrategy.CANARY, Actor.of("ci")),
                    StartOptions.failFast());
            store.finish(release.id(), ReleaseState.SUCCEEDED, Actor.of("ci"), null);
            store.start(
                    ReleaseRequest.of("web", "prod", "2.0.0", ReleaseStrategy.CANARY, Actor.of("ci")),
                    StartOptions.failFast());
            Map<String, String> env = new HashMap<>();
            env.put("RP_DATABASE_URL", TestServices.get("RP_PG_URL"));
            env.put("RP_DATABASE_USER", TestServices.get("RP_PG_USER"));
            env.put("RP_DATABASE_SCHEMA", config.schema());

            Process json = cli(env, "events", "--format", "json", "--service", "api", "--since", "1h");
            String output = ChildJvm.output(json);

            assertThat(json.exitValue()).as(output).isZero();
            List<ReleaseEvent> events = Arrays.stream(output.split("\n"))
                    .filter(line -> line.startsWith("{"))
                    .map(ReleaseEvent::fromJson)
                    .toList();
            assertThat(events)
                    .extracting(ReleaseEvent::releaseId)
                    .containsOnly(release.id())
                    .hasSize(2);
            assertThat(store.outbox().unsentCount()).isEqualTo(3);

            env.put("RP_NATS_URL", TestServices.get("RP_NATS_URL"));
            Process text = cli(env, "events");
            String printed = ChildJvm.output(text);

            assertThat(text.exitValue()).as(printed).isZero();
            assertThat(printed).contains("release-started  api/prod", "release-succeeded  api/prod", "web/prod");
            assertThat(store.outbox().unsentCount()).isZero();
        }
    }

    @Test
    void shouldExitThreeWithAClearMessageWhenPostgresIsUnreachable() throws Exception {
        Map<String, String> env = Map.of(
                "RP_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:" + OwnPostgres.freePort() + "/rp",
                "RP_DATABASE_CONNECT_TIMEOUT_MS",
                "1000");

        Process process = cli(env, "events");
        String output = ChildJvm.output(process);

        assertThat(process.exitValue()).as(output).isEqualTo(3);
        assertThat(output)
                .contains("infrastructure error: Postgres (jdbc:postgresql://127.0.0.1:")
                .contains("unreachable")
                .contains("RP_DATABASE_URL")
                .doesNotContain("\tat ");
    }
}
