package io.releasepilot.cli.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubFacadeTest {

    private static final String TOKEN = "ghs_testtoken0123456789abcdefSECRET";
    private static final String SHA = "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d";
    private static final String RUN_URL = "https://ghe.example.com/acme/shop/actions/runs/77";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeGitHub github;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void startGitHub() throws IOException {
        // A GitHub Enterprise Server shape: the REST API lives under /api/v3.
        github = new FakeGitHub("/api/v3");
        github.on("GET", "/repos/acme/shop", github.json(200, "repository.json"));
    }

    @AfterEach
    void stopGitHub() {
        github.close();
    }

    private GitHubFacade facade() {
        GitHubSettings settings = GitHubSettings.of(github.baseUrl(), TOKEN, "acme/shop")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
        return GitHubFacade.connect(settings, waits::add, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private List<FakeGitHub.Sent> writes() {
        return github.sent().stream().filter(s -> !s.method().equals("GET")).toList();
    }

    private static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    @Test
    void shouldCreateADeploymentOfTheExactShaOnTheGhesBaseUrl() throws IOException {
        github.on("POST", "/repos/acme/shop/deployments", github.json(201, "deployment-created.json"));

        long id;
        try (GitHubFacade facade = facade()) {
            id = facade.createDeployment(new DeploymentRequest(
                    SHA, "staging", "Release Pilot canary of 1.4.0", "rel-17", Map.of("strategy", "canary")));
        }

        assertThat(id).isEqualTo(4242L);
        assertThat(github.sent())
                .extracting(FakeGitHub.Sent::method, FakeGitHub.Sent::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GET", "/api/v3/repos/acme/shop"),
                        org.assertj.core.groups.Tuple.tuple("POST", "/api/v3/repos/acme/shop/deployments"));
        assertThat(github.sent())
                .allSatisfy(sent -> assertThat(sent.authorization()).isEqualTo("token " + TOKEN));
        JsonNode body = json(writes().get(0).body());
        assertThat(body.get("ref").asText()).isEqualTo(SHA);
        assertThat(body.get("environment").asText()).isEqualTo("staging");
        assertThat(body.get("description").asText()).isEqualTo("Release Pilot canary of 1.4.0");
        assertThat(body.get("auto_merge").asBoolean(true)).isFalse();
        assertThat(body.get("required_contexts").isArray()).isTrue();
        assertThat(body.get("required_contexts")).isEmpty();
        JsonNode payload = json(body.get("payload").asText());
        assertThat(payload.get("release_id").asText()).isEqualTo("rel-17");
        assertThat(payload.get("strategy").asText()).isEqualTo("canary");
    }

    @Test
    void shouldPostTheDeploymentLifecycleWithLogAndEnvironmentUrls() throws IOException {
        github.on("POST", "/repos/acme/shop/deployments", github.json(201, "deployment-created.json"));
        github.on(
                "POST",
                "/repos/acme/shop/deployments/4242/statuses",
                github.json(201, "deployment-status-created.json"));
        github.on("GET", "/repos/acme/shop/deployments", github.json(200, "deployments-list.json"));
        github.on(
                "POST",
                "/repos/acme/shop/deployments/4100/statuses",
                github.json(201, "deployment-status-created.json"));

        try (GitHubFacade facade = facade()) {
            long id = facade.createDeployment(new DeploymentRequest(SHA, "staging", "canary of 1.4.0", "rel-17"));
            String envUrl = "https://staging.shop.example.com";
            facade.setDeploymentStatus(
                    id, new DeploymentStatusRequest(DeploymentState.IN_PROGRESS, "canary 5%", RUN_URL, envUrl));
            facade.setDeploymentStatus(
                    id, new DeploymentStatusRequest(DeploymentState.SUCCESS, "promoted to 100%", RUN_URL, envUrl));
            facade.setDeploymentStatus(
                    id,
                    new DeploymentStatusRequest(
                            DeploymentState.FAILURE, "rolled back: error rate 2.1 %", RUN_URL, envUrl));
            long previous = facade.latestDeployment("production", "0000000000000000000000000000000000000001")
                    .orElseThrow();
            facade.setDeploymentStatus(
                    previous, new DeploymentStatusRequest(DeploymentState.INACTIVE, "replaced by 1.4.0", RUN_URL, ""));
        }

        List<FakeGitHub.Sent> statuses =
                writes().stream().filter(s -> s.path().endsWith("/statuses")).toList();
        assertThat(statuses)
                .extracting(FakeGitHub.Sent::path)
                .containsExactly(
                        "/api/v3/repos/acme/shop/deployments/4242/statuses",
                        "/api/v3/repos/acme/shop/deployments/4242/statuses",
                        "/api/v3/repos/acme/shop/deployments/4242/statuses",
                        "/api/v3/repos/acme/shop/deployments/4100/statuses");
        List<JsonNode> bodies = new ArrayList<>();
        for (FakeGitHub.Sent s : statuses) {
            bodies.add(json(s.body()));
        }
        assertThat(bodies)
                .extracting(b -> b.get("state").asText())
                .containsExactly("in_progress", "success", "failure", "inactive");
        assertThat(bodies.subList(0, 3)).allSatisfy(b -> {
            assertThat(b.get("log_url").asText()).isEqualTo(RUN_URL);
            assertThat(b.get("environment_url").asText()).isEqualTo("https://staging.shop.example.com");
        });
        assertThat(bodies.get(0).get("description").asText()).isEqualTo("canary 5%");
        assertThat(bodies.get(3).has("environment_url")).isFalse();
        assertThat(github.sent())
                .allSatisfy(sent -> assertThat(sent.authorization()).isEqualTo("token " + TOKEN));
        FakeGitHub.Sent list = github.sent().stream()
                .filter(s -> s.method().equals("GET") && s.path().equals("/api/v3/repos/acme/shop/deployments"))
                .findFirst()
                .orElseThrow();
        assertThat(list.query()).contains("sha=0000000000000000000000000000000000000001", "environment=production");
    }

    @Test
    void shouldSetTheGateCommitStatusWithADescriptionCutTo140Characters() throws IOException {
        github.on("POST", "/repos/acme/shop/statuses/" + SHA, github.json(201, "commit-status-created.json"));
        String longSummary = "Gate FAIL: " + "error rate 2.1 % > 1.0 %; ".repeat(10);

        try (GitHubFacade facade = facade()) {
            facade.setGateStatus(SHA, CommitState.FAILURE, longSummary, RUN_URL);
        }

        assertThat(writes()).hasSize(1);
        assertThat(writes().get(0).path()).isEqualTo("/api/v3/repos/acme/shop/statuses/" + SHA);
        JsonNode body = json(writes().get(0).body());
        assertThat(body.get("state").asText()).isEqualTo("failure");
        assertThat(body.get("context").asText()).isEqualTo("release-pilot/gate");
        assertThat(body.get("target_url").asText()).isEqualTo(RUN_URL);
        assertThat(body.get("description").asText())
                .hasSize(140)
                .startsWith("Gate FAIL: error rate")
                .endsWith("…");
    }

    @Test
    void shouldRetryA502WithBackoff() {
        github.on(
                "POST",
                "/repos/acme/shop/statuses/" + SHA,
                github.json(502, "bad-gateway.json"),
                github.json(201, "commit-status-created.json"));

        try (GitHubFacade facade = facade()) {
            facade.setGateStatus(SHA, CommitState.SUCCESS, "Gate PASS", RUN_URL);
        }

        assertThat(writes()).hasSize(2);
        assertThat(writes().get(0).body()).isEqualTo(writes().get(1).body());
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void shouldWaitForTheRateLimitResetOnA403AndThenRetry() {
        long reset = NOW.plusSeconds(5).getEpochSecond();
        github.on(
                "POST",
                "/repos/acme/shop/deployments",
                github.json(
                        403,
                        "rate-limited.json",
                        "x-ratelimit-limit",
                        "1000",
                        "x-ratelimit-remaining",
                        "0",
                        "x-ratelimit-used",
                        "1000",
                        "x-ratelimit-resource",
                        "core",
                        "x-ratelimit-reset",
                        Long.toString(reset)),
                github.json(201, "deployment-created.json"));

        try (GitHubFacade facade = facade()) {
            assertThat(facade.createDeployment(new DeploymentRequest(SHA, "staging", "", "rel-17")))
                    .isEqualTo(4242L);
        }

        assertThat(writes()).hasSize(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(6));
    }

    @Test
    void shouldHonourRetryAfterOnA429() {
        github.on(
                "POST",
                "/repos/acme/shop/statuses/" + SHA,
                github.json(429, "rate-limited.json", "Retry-After", "3"),
                github.json(201, "commit-status-created.json"));

        try (GitHubFacade facade = facade()) {
            facade.setGateStatus(SHA, CommitState.PENDING, "Gate running", RUN_URL);
        }

        assertThat(writes()).hasSize(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptWithAMessageThatHoldsNoToken() {
        github.on("POST", "/repos/acme/shop/statuses/" + SHA, github.json(503, "bad-gateway.json"));

        try (GitHubFacade facade = facade()) {
            assertThatThrownBy(() -> facade.setGateStatus(SHA, CommitState.SUCCESS, "Gate PASS", RUN_URL))
                    .isInstanceOf(GitHubException.class)
                    .hasMessageContaining("HTTP 503")
                    .hasMessageContaining("acme/shop")
                    .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(TOKEN));
        }

        assertThat(writes()).hasSize(GitHubSettings.DEFAULT_MAX_ATTEMPTS);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void shouldNotRetryAForbiddenCallWithoutRateLimitHeaders() {
        github.on("POST", "/repos/acme/shop/deployments", github.json(403, "forbidden.json"));

        try (GitHubFacade facade = facade()) {
            assertThatThrownBy(() -> facade.createDeployment(new DeploymentRequest(SHA, "production", "", "rel-17")))
                    .isInstanceOf(GitHubException.class)
                    .hasMessageContaining("HTTP 403")
                    .hasMessageContaining("deployments: write")
                    .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(TOKEN));
        }

        assertThat(writes()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldNotWaitForARateLimitThatResetsTooLate() {
        long reset = NOW.plus(Duration.ofMinutes(40)).getEpochSecond();
        github.on(
                "POST",
                "/repos/acme/shop/statuses/" + SHA,
                github.json(
                        403,
                        "rate-limited.json",
                        "x-ratelimit-remaining",
                        "0",
                        "x-ratelimit-reset",
                        Long.toString(reset)));

        try (GitHubFacade facade = facade()) {
            assertThatThrownBy(() -> facade.setGateStatus(SHA, CommitState.SUCCESS, "Gate PASS", RUN_URL))
                    .isInstanceOf(GitHubException.class);
        }

        assertThat(writes()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldNeverShowTheTokenInSettingsOrErrors() {
        GitHubSettings settings = GitHubSettings.of(github.baseUrl(), TOKEN, "acme/shop");

        assertThat(settings.toString()).doesNotContain(TOKEN).contains("acme/shop");
        assertThatThrownBy(() -> GitHubSettings.of(github.baseUrl(), " ", "acme/shop"))
                .hasMessageContaining("github-token");
        assertThatThrownBy(() -> GitHubSettings.of("ghe.example.com", TOKEN, "acme/shop"))
                .hasMessageContaining("https://")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    }

    @Test
    void shouldMapVerdictsToCommitStatesWithMissingDataNeverPassing() {
        assertThat(CommitState.forVerdict("PASS")).isEqualTo(CommitState.SUCCESS);
        assertThat(CommitState.forVerdict("WARNING")).isEqualTo(CommitState.SUCCESS);
        assertThat(CommitState.forVerdict("FAIL")).isEqualTo(CommitState.FAILURE);
        assertThat(CommitState.forVerdict("INCONCLUSIVE")).isEqualTo(CommitState.ERROR);
        assertThatThrownBy(() -> CommitState.forVerdict("MAYBE")).hasMessageContaining("MAYBE");
    }

    private static String stackTraceOf(Throwable error) {
        java.io.StringWriter text = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
