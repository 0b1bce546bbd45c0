package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.notify.ProviderDouble;
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
import io.releasepilot.core.testing.TestServices;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code release-pilot notify}, {@code notifications} and {@code notifications test} as real processes. */
class NotificationsCommandIT {
    private static final String SPEC = """
            service: api
            notifications:
              - name: team-hook
                type: webhook
                urlEnv: TEAM_HOOK_URL
                secretEnv: TEAM_HOOK_SECRET
              - name: dead-hook
                type: webhook
                urlEnv: DEAD_HOOK_URL
                severities: [critical]
            """;

    private static Process cli(Map<String, String> env, String... args) throws InterruptedException {
        Process process = ChildJvm.start(ReleasePilotCli.class, env, args);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return process;
    }

    private static int deadPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void shouldNameTheTargetThatFailedTheTestSend(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("release-pilot.yml"), SPEC);
        try (ProviderDouble hook = ProviderDouble.acceptingAll(0)) {
            Map<String, String> env = new HashMap<>();
            env.put("TEAM_HOOK_URL", hook.url("/hook").toString());
            env.put("TEAM_HOOK_SECRET", "k");
            env.put("DEAD_HOOK_URL", "http://127.0.0.1:" + deadPort() + "/hook");

            Process test = cli(env, "notifications", "test", "--spec", spec.toString());
            String output = ChildJvm.output(test);

            assertThat(test.exitValue()).as(output).isEqualTo(1);
            assertThat(output).contains("OK      team-hook", "FAILED  dead-hook", "failed: dead-hook");
            assertThat(hook.accepted()).hasSize(1);
            assertThat(hook.accepted().get(0).header("X-Release-Pilot-Signature"))
                    .startsWith("sha256=");
        }
    }

    @Test
    void shouldRefuseATargetWhoseVariableIsNotSet(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("release-pilot.yml"), SPEC);

        Process test = cli(Map.of(), "notifications", "test", "--spec", spec.toString());
        String output = ChildJvm.output(test);

        assertThat(test.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("team-hook", "TEAM_HOOK_SECRET", "not set");
    }

    @Test
    void shouldDeliverARollbackAndListAndRetryTheFailedDelivery(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("release-pilot.yml"), SPEC);
        StateStoreConfig config = LedgerDatabases.freshSchema();
        try (PostgresReleaseStore store = PostgresReleaseStore.open(config);
                ProviderDouble hook = ProviderDouble.acceptingAll(0)) {
            Release release = store.start(
                    ReleaseRequest.of("api", "prod", "1.0.0", ReleaseStrategy.CANARY, Actor.of("ci")),
                    StartOptions.failFast());
            store.finish(release.id(), ReleaseState.ROLLED_BACK, Actor.of("release-pilot"), "errorRate ≥ 1%");
            Map<String, String> env = new HashMap<>();
            env.put("RP_DATABASE_URL", TestServices.get("RP_PG_URL"));
            env.put("RP_DATABASE_USER", TestServices.get("RP_PG_USER"));
            env.put("RP_DATABASE_SCHEMA", config.schema());
            env.put("TEAM_HOOK_URL", hook.url("/hook").toString());
            env.put("TEAM_HOOK_SECRET", "k");
            env.put("DEAD_HOOK_URL", "http://127.0.0.1:" + deadPort() + "/hook");

            Process notify = cli(env, "notify", "--once", "--spec", spec.toString());
            assertThat(notify.exitValue()).as(ChildJvm.output(notify)).isZero();
            Process failed = cli(env, "notifications", "--failed");
            String failedList = ChildJvm.output(failed);

            assertThat(hook.accepted()).hasSize(2); // started (info) and rolled back (critical)
            assertThat(failedList).contains("PENDING", "dead-hook", "critical", "rolled back", "last error:");
            String id = failedList.strip().split("\\s+")[0];
            Process retry = cli(env, "notifications", "--retry", id);
            assertThat(ChildJvm.output(retry)).contains("delivery " + id + " is due again");
            Process unknown = cli(env, "notifications", "--retry", "999999");
            assertThat(unknown.exitValue()).isEqualTo(2);
        }
    }
}
