package io.releasepilot.core.spec;

import java.util.List;

/**
 * When a release is rolled back (critical triggers), only notified about (warning triggers) or paused for review
 * (deviation triggers), what an abort does and what missing data does.
 */
public record RollbackSpec(
        List<TriggerSpec> triggers,
        AbortAction onAbort,
        MissingDataAction onMissingData,
        List<DeviationTriggerSpec> deviations) {
    public RollbackSpec {
        triggers = Require.list(triggers, "triggers");
        Require.present(onAbort, "onAbort");
        Require.present(onMissingData, "onMissingData");
        deviations = Require.list(deviations, "deviations");
    }

    /** Threshold triggers only; missing data pauses. */
    public RollbackSpec(List<TriggerSpec> triggers, AbortAction onAbort) {
        this(triggers, onAbort, SpecDefaults.ON_MISSING_DATA, List.of());
    }
}
