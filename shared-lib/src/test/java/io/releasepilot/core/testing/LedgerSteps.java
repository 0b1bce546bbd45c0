package io.releasepilot.core.testing;

import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.TrafficSplit;
import java.util.List;
import java.util.Map;

/** Ledger steps for tests that need a step of some kind, not particular details. */
public final class LedgerSteps {
    private LedgerSteps() {}

    /** A traffic change to {@code weights} at step {@code step}, as a test router would record it. */
    public static NewStep traffic(int step, TrafficSplit weights) {
        return new NewStep(step, new StepDetail.TrafficApplied(weights, "test", weights, "step " + step));
    }

    /** A gate verdict with these measured values and no objectives. */
    public static NewStep gate(int step, Verdict verdict, Map<String, Double> values) {
        return new NewStep(step, new StepDetail.Gate(verdict, 100, "test gate", values, List.of()));
    }
}
