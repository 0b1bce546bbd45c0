package io.releasepilot.core.gate.regression;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.LedgerSteps;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regression baselines read from a real Postgres ledger. */
class LedgerBaselineSourceIT {

    @Test
    void shouldCompareWithTheLastSuccessfulReleasesRecordedValue() {
        try (PostgresReleaseStore store = PostgresReleaseStore.open(LedgerDatabases.freshSchema())) {
            Release good = store.start(
                    ReleaseRequest.of("checkout", "prod", "1.0.0", ReleaseStrategy.CANARY, Actor.of("ci")),
                    StartOptions.failFast());
            store.recordStep(
                    good.id(),
                    new NewStep(
                            1,
                            new StepDetail.Analysis(
                                    Instant.now(),
                                    "1.0.0",
                                    Map.of("p95Latency", 200.0),
                                    Map.of(),
                                    Verdict.PASS,
                                    null)));
            store.finish(good.id(), ReleaseState.SUCCEEDED, Actor.of("ci"), "all steps passed");
            GateSource current = new FixedSource(Map.of("p95Latency", 230.0));

            Observation observation = new RegressionGateSource(
                            "p95-regression",
                            "p95Latency",
                            current,
                            new LedgerBaselineSource(store, "checkout", "prod"),
                            true)
                    .observe();

            assertThat(observation.value("p95-regression").getAsDouble()).isCloseTo(0.15, within());
            assertThat(observation.origin()).contains("last successful release 1.0.0");
        }
    }

    @Test
    void shouldTakeTheLatestRecordedValueSkippingStepsWithoutOne() {
        try (PostgresReleaseStore store = PostgresReleaseStore.open(LedgerDatabases.freshSchema())) {
            Release good = store.start(
                    ReleaseRequest.of("checkout", "prod", "1.0.0", ReleaseStrategy.CANARY, Actor.of("ci")),
                    StartOptions.failFast());
            store.recordStep(good.id(), LedgerSteps.gate(0, Verdict.PASS, Map.of("line", 0.91)));
            Map<String, Double> missing = new java.util.HashMap<>();
            missing.put("line", Double.NaN);
            store.recordStep(
                    good.id(),
                    new NewStep(
                            1,
                            new StepDetail.Analysis(
                                    Instant.now(), "1.0.0", missing, Map.of(), Verdict.INCONCLUSIVE, null)));
            store.finish(good.id(), ReleaseState.SUCCEEDED, Actor.of("ci"), "done");

            LedgerBaselineSource baseline = new LedgerBaselineSource(store, "checkout", "prod");

            // The analysis had no value for the metric: the gate's earlier value is the baseline, never a NaN.
            assertThat(baseline.baseline("line")).hasValue(0.91);
            assertThat(baseline.baseline("branch")).isEmpty();
        }
    }

    @Test
    void shouldHaveNoBaselineWithoutASuccessfulRelease() {
        try (PostgresReleaseStore store = PostgresReleaseStore.open(LedgerDatabases.freshSchema())) {
            LedgerBaselineSource baseline = new LedgerBaselineSource(store, "checkout", "prod");

            assertThat(baseline.baseline("p95Latency")).isEmpty();
            assertThat(baseline.origin()).contains("no successful release");
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    private record FixedSource(Map<String, Double> values) implements GateSource {
        @Override
        public String type() {
            return "prometheus";
        }

        @Override
        public Observation observe() {
            return Observation.of("prometheus", "fixed", values);
        }
    }
}
