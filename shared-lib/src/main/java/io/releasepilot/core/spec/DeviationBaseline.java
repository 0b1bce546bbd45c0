package io.releasepilot.core.spec;

import io.releasepilot.core.release.SpecEnum;

/** What a deviation trigger compares the canary with. Written in lower case in the spec. */
public enum DeviationBaseline implements SpecEnum {
    /**
     * The stable side in the same window: the same query for the version the stable side runs (the last good
     * release's, from the ledger), so both see the same hour, the same traffic mix, the same outage.
     */
    STABLE
}
