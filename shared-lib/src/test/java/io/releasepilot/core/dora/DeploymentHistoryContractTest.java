package io.releasepilot.core.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeploymentHistory} adapter must do: list the finished deployments of exactly one service and
 * environment, oldest first, with their outcome and first-commit time as recorded; include every deployment that
 * finished at or after {@code since} (earlier ones may come along, for attribution; the caller windows); be empty for
 * a service without deployments; and either read every service for an empty name or refuse it as invalid input. Each
 * test uses service names of its own, so one backend may serve the class. Public because adapters extend it via the
 * test-jar.
 */
public abstract class DeploymentHistoryContractTest {
    private static final Instant FIRST_COMMIT = Instant.parse("2026-01-02T03:04:05.123456Z");

    private final String api = "api-" + UUID.randomUUID();
    private final String web = "web-" + UUID.randomUUID();

    /**
     * One finished deployment to record. The backend stamps start and finish (a ledger does, in recording order) or
     * the subclass invents increasing times (a file).
     */
    public record Recorded(
            String service,
            String environment,
            String version,
            DeploymentOutcome outcome,
            Optional<Instant> firstCommitAt) {}

    /** A history holding these finished deployments, recorded one after the other in list order. */
    protected abstract DeploymentHistory historyOf(List<Recorded> deployments);

    /**
     * Whether an empty service or environment reads every deployment (a file); otherwise the adapter refuses it with
     * an {@link InvalidInputException} naming the missing option (a ledger read per service and environment).
     */
    protected abstract boolean readsEveryServiceForAnEmptyName();

    private List<Recorded> fiveDeployments() {
        return List.of(
                new Recorded(api, "prod", "1.0.0", DeploymentOutcome.SUCCEEDED, Optional.of(FIRST_COMMIT)),
                new Recorded(api, "staging", "1.0.1", DeploymentOutcome.SUCCEEDED, Optional.empty()),
                new Recorded(web, "prod", "7.0.0", DeploymentOutcome.SUCCEEDED, Optional.empty()),
                new Recorded(api, "prod", "1.1.0", DeploymentOutcome.FAILED, Optional.empty()),
                new Recorded(api, "prod", "1.2.0", DeploymentOutcome.ROLLED_BACK, Optional.empty()));
    }

    @Test
    void shouldListTheDeploymentsOfOneServiceAndEnvironmentOldestFirst() {
        DeploymentHistory history = historyOf(fiveDeployments());

        List<Deployment> deployments = history.deployments(api, "prod", Instant.EPOCH);

        assertThat(deployments).extracting(Deployment::version).containsExactly("1.0.0", "1.1.0", "1.2.0");
        assertThat(deployments)
                .extracting(Deployment::outcome)
                .containsExactly(DeploymentOutcome.SUCCEEDED, DeploymentOutcome.FAILED, DeploymentOutcome.ROLLED_BACK);
        assertThat(deployments).allSatisfy(deployment -> {
            assertThat(deployment.service()).isEqualTo(api);
            assertThat(deployment.environment()).isEqualTo("prod");
            assertThat(deployment.finished()).isAfterOrEqualTo(deployment.started());
        });
        assertThat(deployments).isSortedAccordingTo(Comparator.comparing(Deployment::started));
        assertThat(deployments).isSortedAccordingTo(Comparator.comparing(Deployment::finished));
    }

    @Test
    void shouldKeepTheFirstCommitTimeAsRecorded() {
        DeploymentHistory history = historyOf(fiveDeployments());

        List<Deployment> deployments = history.deployments(api, "prod", Instant.EPOCH);

        assertThat(deployments.get(0).firstCommitAt()).contains(FIRST_COMMIT);
        assertThat(deployments.get(1).firstCommitAt()).isEmpty();
    }

    @Test
    void shouldIncludeEveryDeploymentFinishedSinceTheStartOfTheWindow() {
        DeploymentHistory history = historyOf(fiveDeployments());
        List<Deployment> all = history.deployments(api, "prod", Instant.EPOCH);
        Instant since = all.get(1).finished();

        List<Deployment> window = history.deployments(api, "prod", since);

        assertThat(window).containsAll(all.subList(1, 3));
        assertThat(all).containsAll(window);
        assertThat(window).isSortedAccordingTo(Comparator.comparing(Deployment::started));
    }

    @Test
    void shouldBeEmptyForAServiceWithoutDeployments() {
        assertThat(historyOf(List.of()).deployments(api, "prod", Instant.EPOCH)).isEmpty();
        assertThat(historyOf(fiveDeployments()).deployments("nobody-" + UUID.randomUUID(), "prod", Instant.EPOCH))
                .isEmpty();
        assertThat(historyOf(fiveDeployments()).deployments(web, "staging", Instant.EPOCH))
                .isEmpty();
    }

    @Test
    void shouldReadEveryServiceOrRefuseAnEmptyName() {
        DeploymentHistory history = historyOf(fiveDeployments());

        if (readsEveryServiceForAnEmptyName()) {
            assertThat(history.deployments("", "", Instant.EPOCH))
                    .extracting(Deployment::version)
                    .contains("1.0.0", "1.0.1", "7.0.0", "1.1.0", "1.2.0");
            assertThat(history.deployments(api, "", Instant.EPOCH))
                    .extracting(Deployment::version)
                    .containsExactly("1.0.0", "1.0.1", "1.1.0", "1.2.0");
        } else {
            assertThatThrownBy(() -> history.deployments("", "prod", Instant.EPOCH))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("service");
            assertThatThrownBy(() -> history.deployments(api, "", Instant.EPOCH))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("environment");
        }
    }
}
