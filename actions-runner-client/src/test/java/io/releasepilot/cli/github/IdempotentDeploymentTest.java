package io.releasepilot.cli.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creating a deployment is a non-idempotent POST: against a GitHub double that creates the deployment and then
 * answers 502, a retry must find the deployment it made instead of creating a second one.
 */
class IdempotentDeploymentTest {
    private static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";

    private FakeGitHub github;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        github = new FakeGitHub("/api/v3").withDeployments("acme/shop", 500);
        // The facade reads the repository before it creates anything, as against the real API.
        github.on("GET", "/repos/acme/shop", github.json(200, "repository.json"));
    }

    @AfterEach
    void stop() throws IOException {
        github.close();
    }

    private GitHubFacade facade() {
        GitHubSettings settings = GitHubSettings.of(github.baseUrl(), "ghs_test", "acme/shop")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
        return GitHubFacade.connect(
                settings, waits::add, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
    }

    private long posts() {
        return github.sent().stream()
                .filter(s -> s.method().equals("POST") && s.path().endsWith("/deployments"))
                .count();
    }

    @Test
    void shouldFindTheDeploymentGitHubCreatedBeforeFailingInsteadOfCreatingASecond() {
        github.failAfterCreating(1);

        long id;
        try (GitHubFacade facade = facade()) {
            id = facade.createDeployment(new DeploymentRequest(SHA, "production", "canary of 2.0.0", "rel-42"));
        }

        assertThat(github.deployments())
                .singleElement()
                .satisfies(d -> assertThat(d.id()).isEqualTo(id));
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void shouldNotTakeAnotherReleasesDeploymentOfTheSameRef() {
        long other;
        try (GitHubFacade facade = facade()) {
            other = facade.createDeployment(new DeploymentRequest(SHA, "production", "earlier run", "rel-41"));
        }
        github.failAfterCreating(1);

        long id;
        try (GitHubFacade facade = facade()) {
            id = facade.createDeployment(new DeploymentRequest(SHA, "production", "this run", "rel-42"));
        }

        assertThat(id).isNotEqualTo(other);
        assertThat(github.deployments()).hasSize(2);
    }

    @Test
    void shouldNeverRetryTheCreatingPostBlindly() {
        // Every creation fails after it was applied: each retry finds the first one, so there is still only one.
        github.failAfterCreating(10);

        try (GitHubFacade facade = facade()) {
            facade.createDeployment(new DeploymentRequest(SHA, "staging", "", "rel-43"));
        }

        assertThat(github.deployments()).hasSize(1);
        assertThat(posts()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }
}
