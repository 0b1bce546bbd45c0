package io.releasepilot.core.spec;

import java.util.List;

/** When a release is rolled back (critical triggers) or only notified about (warning triggers). */
public record RollbackSpec(List<TriggerSpec> triggers, AbortAction onAbort) {
    public RollbackSpec {
        triggers = Require.list(triggers, "triggers");
        Require.present(onAbort, "onAbort");
    }
}
