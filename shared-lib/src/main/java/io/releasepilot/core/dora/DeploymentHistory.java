package io.releasepilot.core.dora;

import java.time.Instant;
import java.util.List;

/** Where DORA figures come from: the release ledger (the Postgres adapter is wired in by the state module). */
public interface DeploymentHistory {

    /**
     * The deployments of {@code service} to {@code environment} that finished at or after {@code since}, oldest
     * first; an empty service or environment means "all". Implementations include the last deployment before
     * {@code since} when they can, so a hotfix at the start of the window is attributed correctly.
     */
    List<Deployment> deployments(String service, String environment, Instant since);
}
