package io.releasepilot.cli.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.cli.github.FakeGitHub;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.ReleaseBench;
import io.releasepilot.core.testing.TestServices;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import io.releasepilot.core.traffic.TrafficSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub side of every rollback path, end to end: the canary, blue-green and rollback actions run as the runner
 * runs them ({@link ActionRunner}) with the REAL {@code release-pilot.jar}, a real Postgres ledger (given through the
 * database-* inputs), HAProxy and Prometheus ({@link ReleaseBench}), and GitHub played by {@link FakeGitHub} with
 * stateful deployments. Each test asserts the deployments and statuses GitHub received, in order:
 *
 * <ul>
 *   <li>canary rolled back by a trigger, blue-green switched back: the run's deployment goes in_progress → failure;
 *       the stable version's deployment is left alone (it stays the active success);
 *   <li>manual rollback of a completed release: new deployment of the old SHA → success, then the rolled-back one
 *       inactive;
 *   <li>manual rollback of a release still rolling out: new deployment of the old SHA → success, then the
 *       rolled-back one failure.
 * </ul>
 */
@Timeout(180)
class RollbackDeploymentsIT {

    private static final String TOKEN = "ghs_rollbackToken0123456789";
    private static final String OLD_SHA = "1111111111111111111111111111111111111111";
    private static final String NEW_SHA = "2222222222222222222222222222222222222222";
    private static final String ENVIRONMENT = "staging";
    private static final String REPO_PATH = "/api/v3/repos/acme/shop";
    private static final Path WORKFLOWS =
            Path.of("").toAbsolutePath().getParent().resolve("workflows");
    private static final Path JAR = Path.of("target/release-pilot.jar").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private FakeGitHub github;
    private ReleaseBench bench;
    private StateStoreConfig ledger;
    private PostgresReleaseStore store;
    private long stableDeployment;
    private Release stable;

    @BeforeEach
    void start() throws Exception {
        assertThat(JAR).as("built by the package phase").exists();
        github = new FakeGitHub("/api/v3").withDeployments("acme/shop", 5001);
        github.on("GET", "/repos/acme/shop", github.json(200, "repository.json"));
        bench = ReleaseBench.start();
        ledger = LedgerDatabases.freshSchema();
        store = PostgresReleaseStore.open(ledger);
        // The version serving before: v1 from OLD_SHA, released earlier with its deployment at success.
        Actor actor = Actor.of("octocat");
        stable = store.start(
                new ReleaseRequest(
                        bench.service(),
                        ENVIRONMENT,
                        bench.v1().version(),
                        OLD_SHA,
                        null,
                        ReleaseStrategy.CANARY,
                        actor,
                        null,
                        null,
                        null),
                StartOptions.failFast());
        store.finish(stable.id(), ReleaseState.SUCCEEDED, actor, "earlier release");
        stableDeployment = github.seedDeployment(OLD_SHA, ENVIRONMENT, "in_progress", "success");
        bench.awaitScraped();
    }

    @AfterEach
    void stop() throws IOException {
        store.close();
        bench.close();
        github.close();
    }

    @Test
    void shouldFailTheCanarysDeploymentWhenATriggerRollsItBack() throws Exception {
        bench.v2().healthy(false);

        ActionRunner.Result canary = canary(8);

        assertFailedAndRolledBack(canary);
    }

    @Test
    void shouldFailTheBlueGreenDeploymentWhenItIsSwitchedBack() throws Exception {
        Path action = checkout("blue-green");
        Map<String, String> with = inputs();
        with.put("spec", inWorkspace(bench.specFile(ENVIRONMENT, "blue-green", 30)));
        with.put("release-version", bench.v2().version());
        CompletableFuture<ActionRunner.Result> run = CompletableFuture.supplyAsync(() -> {
            try {
                return runner(action, NEW_SHA).run(with);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitSwitched(run);
        bench.v2().healthy(false);

        ActionRunner.Result blueGreen = run.get(90, TimeUnit.SECONDS);

        assertFailedAndRolledBack(blueGreen);
    }

    @Test
    void shouldMarkACompletedReleasesDeploymentInactiveAfterTheRollbacksSuccess() throws Exception {
        ActionRunner.Result canary = canary(4);
        assertThat(canary.exitCode()).as(canary.stdout()).isZero();
        int afterCanary = github.sent().size();

        ActionRunner.Result rollback = rollback();

        assertThat(rollback.exitCode()).as(rollback.stdout()).isZero();
        assertThat(rollback.outputs())
                .containsEntry("result", "rolled-back")
                .containsEntry("version", bench.v1().version())
                .containsEntry("deployment-id", "5003");
        assertThat(writes(github.sent().subList(0, afterCanary)))
                .containsExactly(
                        "POST /deployments ref=" + NEW_SHA + " environment=" + ENVIRONMENT,
                        "POST /deployments/5002/statuses in_progress",
                        "POST /deployments/5002/statuses success");
        assertThat(writes(github.sent().subList(afterCanary, github.sent().size())))
                .containsExactly(
                        "POST /deployments ref=" + OLD_SHA + " environment=" + ENVIRONMENT,
                        "POST /deployments/5003/statuses success",
                        "GET /deployments sha=" + NEW_SHA + " environment=" + ENVIRONMENT,
                        "POST /deployments/5002/statuses inactive");
        assertThat(states())
                .containsEntry(5002L, List.of("in_progress", "success", "inactive"))
                .containsEntry(5003L, List.of("success"));
        assertThat(router()).isEqualTo(TrafficSplit.ALL_STABLE);
    }

    @Test
    void shouldFailTheDeploymentOfAReleaseRolledBackDuringItsRollout() throws Exception {
        // A canary of v2 that another job is rolling out: in the ledger and on GitHub (in_progress).
        Release running = store.start(
                new ReleaseRequest(
                        bench.service(),
                        ENVIRONMENT,
                        bench.v2().version(),
                        NEW_SHA,
                        null,
                        ReleaseStrategy.CANARY,
                        Actor.of("octocat"),
                        null,
                        stable.id(),
                        null),
                StartOptions.failFast());
        long rollingOut = github.seedDeployment(NEW_SHA, ENVIRONMENT, "in_progress");

        ActionRunner.Result rollback = rollback();

        assertThat(rollback.exitCode()).as(rollback.stdout()).isZero();
        assertThat(rollback.outputs()).containsEntry("result", "rolled-back").containsEntry("deployment-id", "5003");
        assertThat(writes(github.sent()))
                .containsExactly(
                        "POST /deployments ref=" + OLD_SHA + " environment=" + ENVIRONMENT,
                        "POST /deployments/5003/statuses success",
                        "GET /deployments sha=" + NEW_SHA + " environment=" + ENVIRONMENT,
                        "POST /deployments/" + rollingOut + "/statuses failure");
        assertThat(states())
                .containsEntry(rollingOut, List.of("in_progress", "failure"))
                .containsEntry(5003L, List.of("success"));
        assertThat(store.find(running.id()).orElseThrow().state()).isEqualTo(ReleaseState.ROLLED_BACK);
        assertThat(router()).isEqualTo(TrafficSplit.ALL_STABLE);
    }

    private ActionRunner.Result canary(int stepSeconds) throws IOException, InterruptedException {
        Map<String, String> with = inputs();
        with.put("spec", inWorkspace(bench.specFile(ENVIRONMENT, "canary", stepSeconds)));
        with.put("release-version", bench.v2().version());
        return runner(checkout("canary"), NEW_SHA).run(with);
    }

    private ActionRunner.Result rollback() throws IOException, InterruptedException {
        Map<String, String> with = inputs();
        with.put("spec", inWorkspace(bench.specFile(ENVIRONMENT, "canary", 4)));
        with.put("reason", "bad release");
        // The rollback job runs on a later commit; the versions come from the ledger, not from GITHUB_SHA.
        return runner(checkout("rollback"), "3333333333333333333333333333333333333333")
                .run(with);
    }

    /** The inputs a workflow gives every step: environment, and the ledger database from secrets. */
    private Map<String, String> inputs() {
        Map<String, String> with = new HashMap<>();
        with.put("java-home", System.getProperty("java.home"));
        with.put("environment", ENVIRONMENT);
        with.put("environment-url", "https://staging.example.com");
        with.put("database-url", TestServices.get("RP_PG_URL"));
        with.put("database-user", TestServices.get("RP_PG_USER"));
        String password = TestServices.get("RP_PG_PASSWORD");
        with.put("database-password", password.isEmpty() ? "not-used-but-masked" : password);
        return with;
    }

    /** In CI the spec must lie in the workspace (paths are confined to it): copied there, named relative to it. */
    private String inWorkspace(Path spec) throws java.io.IOException {
        Path workspace = java.nio.file.Files.createDirectories(work.resolve("workspace"));
        java.nio.file.Files.copy(
                spec, workspace.resolve(spec.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return spec.getFileName().toString();
    }

    private ActionRunner runner(Path action, String sha) {
        return new ActionRunner(action, work, TOKEN, github.baseUrl())
                .withGithub("sha", sha)
                // No input for the schema: a job-level env variable, as a workflow's `env:` would set it.
                .withJobEnv("RP_DATABASE_SCHEMA", ledger.schema());
    }

    private Path checkout(String action) throws IOException {
        Path repo = work.resolve("action-repo/workflows");
        if (!Files.exists(repo.resolve("lib"))) {
            WorkflowCopy.copy(WORKFLOWS.resolve("lib"), repo.resolve("lib"));
        }
        if (!Files.exists(repo.resolve(action))) {
            WorkflowCopy.copy(WORKFLOWS.resolve(action), repo.resolve(action));
            Files.copy(JAR, repo.resolve(action).resolve("release-pilot.jar"));
        }
        return repo.resolve(action);
    }

    private void awaitSwitched(CompletableFuture<ActionRunner.Result> run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<Release> release = store.inProgress(bench.service(), ENVIRONMENT);
            if (release.isPresent()
                    && release.get().weights() != null
                    && release.get().weights().canary() == 100) {
                return;
            }
            if (run.isDone()) {
                throw new AssertionError("the blue-green step ended before the switch: "
                        + run.join().stdout());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("blue-green never switched to green");
    }

    /** What GitHub was asked to change (and the one lookup), in order, without the repository fetch. */
    private static List<String> writes(List<FakeGitHub.Sent> sent) throws IOException {
        List<String> calls = new ArrayList<>();
        for (FakeGitHub.Sent request : sent) {
            if (request.path().equals(REPO_PATH)) {
                continue;
            }
            String path = request.path().substring(REPO_PATH.length());
            if (request.method().equals("GET")) {
                calls.add("GET " + path + " sha=" + query(request.query(), "sha") + " environment="
                        + query(request.query(), "environment"));
            } else if (path.endsWith("/statuses")) {
                calls.add("POST " + path + " "
                        + JSON.readTree(request.body()).path("state").asText());
            } else {
                JsonNode body = JSON.readTree(request.body());
                calls.add("POST " + path + " ref=" + body.path("ref").asText() + " environment="
                        + body.path("environment").asText());
            }
        }
        return calls;
    }

    private static String query(String query, String name) {
        return Stream.of(query == null ? new String[0] : query.split("&"))
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> pair.substring(name.length() + 1))
                .findFirst()
                .orElse("");
    }

    private Map<Long, List<String>> states() {
        Map<Long, List<String>> states = new HashMap<>();
        github.deployments().forEach(d -> states.put(d.id(), d.states()));
        return states;
    }

    /** The new release's deployment failed, the stable one untouched and all traffic back on stable. */
    private void assertFailedAndRolledBack(ActionRunner.Result run) throws IOException {
        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(1);
        assertThat(run.outputs()).containsEntry("result", "rolled-back").containsEntry("deployment-id", "5002");
        assertThat(writes(github.sent()))
                .containsExactly(
                        "POST /deployments ref=" + NEW_SHA + " environment=" + ENVIRONMENT,
                        "POST /deployments/5002/statuses in_progress",
                        "POST /deployments/5002/statuses failure");
        assertThat(states()).containsEntry(stableDeployment, List.of("in_progress", "success"));
        assertThat(router()).isEqualTo(TrafficSplit.ALL_STABLE);
    }

    private TrafficSplit router() {
        return TrafficRouterRegistry.create(bench.haproxy().settings("blue", "green"))
                .current()
                .split();
    }
}
