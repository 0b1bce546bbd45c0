package io.releasepilot.core.dora;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.testing.FreshLedger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The deployment-history contract for the release ledger on a real Postgres (one schema for the class). */
class LedgerDeploymentHistoryIT extends DeploymentHistoryContractTest {
    private static final Actor CI = Actor.of("ci");

    @RegisterExtension
    static final FreshLedger LEDGER = new FreshLedger();

    private static ReleaseState state(DeploymentOutcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> ReleaseState.SUCCEEDED;
            case FAILED -> ReleaseState.FAILED;
            case ROLLED_BACK -> ReleaseState.ROLLED_BACK;
        };
    }

    @Override
    protected DeploymentHistory historyOf(List<Recorded> deployments) {
        for (Recorded recorded : deployments) {
            Release release = LEDGER.store()
                    .start(
                            new ReleaseRequest(
                                    recorded.service(),
                                    recorded.environment(),
                                    recorded.version(),
                                    null,
                                    recorded.firstCommitAt().orElse(null),
                                    ReleaseStrategy.CANARY,
                                    CI,
                                    null,
                                    null,
                                    null),
                            StartOptions.failFast());
            LEDGER.store().finish(release.id(), state(recorded.outcome()), CI, "contract");
        }
        return new LedgerDeploymentHistory(LEDGER.store());
    }

    @Override
    protected boolean readsEveryServiceForAnEmptyName() {
        return false;
    }

    @Test
    void shouldLeaveOutAReleaseInProgressAndCountAnAbortAsFailed() {
        String service = "svc-" + UUID.randomUUID();
        Release aborted = LEDGER.store()
                .start(
                        ReleaseRequest.of(service, "prod", "1.0.0", ReleaseStrategy.CANARY, CI),
                        StartOptions.failFast());
        LEDGER.store().finish(aborted.id(), ReleaseState.ABORTED, CI, "operator abort");
        LEDGER.store()
                .start(
                        ReleaseRequest.of(service, "prod", "1.1.0", ReleaseStrategy.CANARY, CI),
                        StartOptions.failFast());

        List<Deployment> deployments =
                new LedgerDeploymentHistory(LEDGER.store()).deployments(service, "prod", Instant.EPOCH);

        assertThat(deployments).singleElement().satisfies(d -> {
            assertThat(d.version()).isEqualTo("1.0.0");
            assertThat(d.outcome()).isEqualTo(DeploymentOutcome.FAILED);
            assertThat(d.hotfix()).isFalse();
        });
    }
}
