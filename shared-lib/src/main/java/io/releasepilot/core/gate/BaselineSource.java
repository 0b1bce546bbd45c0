package io.releasepilot.core.gate;

import java.util.OptionalDouble;

/**
 * Where a regression check finds the value to compare with: a file today, the ledger's last successful release of
 * the same service and environment later (the state capability implements it).
 */
public interface BaselineSource {

    /** The baseline value of {@code metric}, or empty when there is none (the regression objective is INCONCLUSIVE). */
    OptionalDouble baseline(String metric);

    /** Where the baseline came from, for the report (a file name, "ledger: release 1.4.2"). */
    String origin();
}
