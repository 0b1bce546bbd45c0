package io.releasepilot.core.dora;

import java.time.Instant;
import java.util.List;

/** Where DORA figures come from: the release ledger (the Postgres adapter is wired in by the state module). */
public interface DeploymentHistory {

    /**
     * The finished deployments of {@code service} to {@code environment}, oldest first: every one that finished at or
     * after {@code since}, and earlier ones where the adapter can give them (the ledger reads a week further back), so
     * a hotfix or restore at the start of the window is attributed correctly; the caller applies the window. An empty
     * service or environment means "all" where the adapter can list all, else it is an {@link
     * io.releasepilot.core.InvalidInputException} (the ledger is read per service and environment). Checked for every
     * adapter by {@code DeploymentHistoryContractTest}.
     */
    List<Deployment> deployments(String service, String environment, Instant since);
}
