package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.cli.actions.RunnerEnvironment;
import io.releasepilot.cli.github.FakeGitHub;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.ReleaseBench;
import io.releasepilot.core.testing.TestServices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code canary} as a GitHub Actions step: real Postgres ledger and HAProxy, GitHub answered by a double. */
@Timeout(120)
class RolloutActionsIT {

    @TempDir
    Path dir;

    @Test
    void shouldReportTheCanaryThroughOutputsSummaryAndADeploymentWithStatusesInOrder() throws Exception {
        StateStoreConfig ledger = LedgerDatabases.freshSchema();
        try (FakeGitHub github = new FakeGitHub("/api/v3");
                ReleaseBench bench = ReleaseBench.start();
                PostgresReleaseStore store = PostgresReleaseStore.open(ledger)) {
            github.on("GET", "/repos/acme/shop", github.json(200, "repository.json"));
            github.on("POST", "/repos/acme/shop/deployments", github.json(201, "deployment-created.json"));
            github.on(
                    "POST",
                    "/repos/acme/shop/deployments/4242/statuses",
                    github.json(201, "deployment-status-created.json"));
            bench.awaitScraped();
            Path spec = bench.specFile("staging", "canary", 4);
            Map<String, String> env = new java.util.HashMap<>(GateActionsTest.runnerEnv(
                    dir,
                    github.baseUrl(),
                    new ObjectMapper()
                            .writeValueAsString(Map.of(
                                    "spec",
                                    spec.toString(),
                                    "environment",
                                    "staging",
                                    "release-version",
                                    bench.v2().version(),
                                    "environment-url",
                                    "https://staging.example.com"))));
            env.put("RP_DATABASE_URL", TestServices.get("RP_PG_URL"));
            env.put("RP_DATABASE_USER", TestServices.get("RP_PG_USER"));
            env.put("RP_DATABASE_SCHEMA", ledger.schema());
            env.put("RP_DATABASE_PASSWORD", "not-used-but-masked");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();

            int exit = ReleasePilotCli.run(
                    RunnerEnvironment.of(env), new PrintWriter(out, true), new PrintWriter(err, true), "canary");

            assertThat(exit).as(out + "\n" + err).isZero();
            List<String> lines = out.toString().lines().toList();
            assertThat(lines.subList(0, 2))
                    .as("masks before anything else")
                    .containsExactlyInAnyOrder(
                            "::add-mask::" + GateActionsTest.TOKEN, "::add-mask::not-used-but-masked");
            assertThat(lines.get(2))
                    .startsWith("::group::canary of " + bench.v2().version());
            assertThat(out.toString()).contains("::endgroup::");
            Map<String, String> outputs = GateActionsTest.outputs(dir.resolve("output"));
            assertThat(outputs)
                    .containsEntry("result", "succeeded")
                    .containsEntry("state", "SUCCEEDED")
                    .containsEntry("version", bench.v2().version())
                    .containsEntry("environment", "staging")
                    .containsEntry("deployment-id", "4242")
                    .containsEntry("weight", "100");
            Release release =
                    store.find(UUID.fromString(outputs.get("release-id"))).orElseThrow();
            assertThat(release.request().commitSha()).isEqualTo(GateActionsTest.SHA);
            assertThat(release.request().actor().name()).isEqualTo("octocat");
            assertThat(release.request().actor().ciRunUrl())
                    .isEqualTo("https://ghe.example.com/acme/shop/actions/runs/77");
            assertThat(Files.readString(dir.resolve("summary.md"))).isNotBlank();

            List<FakeGitHub.Sent> writes = github.sent().stream()
                    .filter(s -> s.method().equals("POST"))
                    .toList();
            assertThat(writes)
                    .extracting(FakeGitHub.Sent::path)
                    .containsExactly(
                            "/api/v3/repos/acme/shop/deployments",
                            "/api/v3/repos/acme/shop/deployments/4242/statuses",
                            "/api/v3/repos/acme/shop/deployments/4242/statuses");
            ObjectMapper json = new ObjectMapper();
            var created = json.readTree(writes.get(0).body());
            assertThat(created.get("ref").asText()).isEqualTo(GateActionsTest.SHA);
            assertThat(created.get("environment").asText()).isEqualTo("staging");
            assertThat(json.readTree(created.get("payload").asText())
                            .get("release_id")
                            .asText())
                    .isEqualTo(outputs.get("release-id"));
            var started = json.readTree(writes.get(1).body());
            var finished = json.readTree(writes.get(2).body());
            assertThat(started.get("state").asText()).isEqualTo("in_progress");
            assertThat(finished.get("state").asText()).isEqualTo("success");
            assertThat(finished.get("log_url").asText()).isEqualTo("https://ghe.example.com/acme/shop/actions/runs/77");
            assertThat(finished.get("environment_url").asText()).isEqualTo("https://staging.example.com");
        }
    }
}
