package io.releasepilot.core.dora;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.state.DeploymentRecord;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The release ledger as a {@link DeploymentHistory}: finished releases of one service + environment. Releases still in
 * progress are left out (they have not deployed yet); ABORTED counts as FAILED, and a release that ended ROLLED_BACK or
 * was rolled back by a later release as ROLLED_BACK. The ledger records no hotfix marker, so {@code hotfix} is false.
 */
public final class LedgerDeploymentHistory implements DeploymentHistory {
    /** How far before the window the ledger is read, so a restore or hotfix at its start is attributed. */
    public static final Duration LOOK_BEHIND = Duration.ofDays(7);

    private final ReleaseStore store;

    public LedgerDeploymentHistory(ReleaseStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * {@inheritDoc}
     *
     * @throws InvalidInputException when service or environment is empty: the ledger is read per service +
     *     environment
     */
    @Override
    public List<Deployment> deployments(String service, String environment, Instant since) {
        if (service.isBlank() || environment.isBlank()) {
            throw new InvalidInputException(
                    "DORA figures from the ledger need a service and an environment (--service, --environment)");
        }
        List<Deployment> deployments = new ArrayList<>();
        for (DeploymentRecord record : store.releasesSince(service, environment, since.minus(LOOK_BEHIND))) {
            Instant finished = record.finishedAt();
            if (finished == null || record.state().active()) {
                continue;
            }
            DeploymentOutcome outcome = record.rolledBack()
                    ? DeploymentOutcome.ROLLED_BACK
                    : record.state() == ReleaseState.SUCCEEDED ? DeploymentOutcome.SUCCEEDED : DeploymentOutcome.FAILED;
            deployments.add(new Deployment(
                    service,
                    environment,
                    record.version(),
                    record.startedAt(),
                    finished,
                    outcome,
                    Optional.ofNullable(record.firstCommitAt()),
                    false));
        }
        return List.copyOf(deployments);
    }
}
