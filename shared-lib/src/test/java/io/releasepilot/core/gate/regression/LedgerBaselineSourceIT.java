package io.releasepilot.core.gate.regression;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.gate.BaselineSource;
import io.releasepilot.core.gate.BaselineSourceContractTest;
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
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.FreshLedger;
import io.releasepilot.core.testing.LedgerSteps;
import io.releasepilot.core.testing.OwnPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The baseline contract for the ledger on a real Postgres: each baseline is the last successful release of its own
 * service, so one schema serves the class.
 */
class LedgerBaselineSourceIT extends BaselineSourceContractTest {
    @RegisterExtension
    static final FreshLedger LEDGER = new FreshLedger();

    private static String uniqueService() {
        return "svc-" + UUID.randomUUID();
    }

    private static Release start(String service, String version) {
        return LEDGER.store()
                .start(
                        ReleaseRequest.of(service, "prod", version, ReleaseStrategy.CANARY, Actor.of("ci")),
                        StartOptions.failFast());
    }

    private static NewStep analysis(String version, Map<String, Double> values, Verdict verdict) {
        return new NewStep(1, new StepDetail.Analysis(Instant.now(), version, values, Map.of(), verdict, null));
    }

    /** A finished release of {@code service} whose analysis measured {@code values}. */
    private static void released(String service, String version, ReleaseState end, Map<String, Double> values) {
        Release release = start(service, version);
        LEDGER.store()
                .recordStep(
                        release.id(),
                        analysis(version, values, end == ReleaseState.SUCCEEDED ? Verdict.PASS : Verdict.FAIL));
        LEDGER.store().finish(release.id(), end, Actor.of("ci"), "test");
    }

    @Override
    protected BaselineSource baselineOf(Map<String, Double> values) {
        String service = uniqueService();
        released(service, "1.0.0", ReleaseState.SUCCEEDED, values);
        return new LedgerBaselineSource(LEDGER.store(), service, "prod");
    }

    @Override
    protected BaselineSource withoutBaseline() {
        return new LedgerBaselineSource(LEDGER.store(), uniqueService(), "prod");
    }

    @Override
    protected ThrowingCallable readFromAMissingBackend() {
        return () -> {
            StateStoreConfig nowhere = StateStoreConfig.server(
                            "jdbc:postgresql://127.0.0.1:" + OwnPostgres.freePort() + "/rp", "postgres", null)
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
            try (PostgresReleaseStore unreachable = PostgresReleaseStore.open(nowhere)) {
                new LedgerBaselineSource(unreachable, "checkout", "prod").baseline("p95Latency");
            }
        };
    }

    @Override
    protected String missingBackendName() {
        return "unreachable";
    }

    @Test
    void shouldCompareWithTheLastSuccessfulReleasesRecordedValue() {
        String service = uniqueService();
        released(service, "1.0.0", ReleaseState.SUCCEEDED, Map.of("p95Latency", 200.0));
        GateSource current = new FixedSource(Map.of("p95Latency", 230.0));

        Observation observation = new RegressionGateSource(
                        "p95-regression",
                        "p95Latency",
                        current,
                        new LedgerBaselineSource(LEDGER.store(), service, "prod"),
                        true)
                .observe();

        assertThat(observation.value("p95-regression").getAsDouble()).isCloseTo(0.15, within());
        assertThat(observation.origin()).contains("last successful release 1.0.0");
    }

    @Test
    void shouldTakeTheLatestRecordedValueSkippingStepsWithoutOne() {
        String service = uniqueService();
        Release good = start(service, "1.0.0");
        LEDGER.store().recordStep(good.id(), LedgerSteps.gate(0, Verdict.PASS, Map.of("line", 0.91)));
        Map<String, Double> missing = new HashMap<>();
        missing.put("line", Double.NaN);
        LEDGER.store().recordStep(good.id(), analysis("1.0.0", missing, Verdict.INCONCLUSIVE));
        LEDGER.store().finish(good.id(), ReleaseState.SUCCEEDED, Actor.of("ci"), "done");

        LedgerBaselineSource baseline = new LedgerBaselineSource(LEDGER.store(), service, "prod");

        // The analysis had no value for the metric: the gate's earlier value is the baseline, never a NaN.
        assertThat(baseline.baseline("line")).hasValue(0.91);
        assertThat(baseline.baseline("branch")).isEmpty();
    }

    @Test
    void shouldHaveNoBaselineWithoutASuccessfulRelease() {
        String service = uniqueService();
        released(service, "1.0.0", ReleaseState.FAILED, Map.of("p95Latency", 200.0));

        LedgerBaselineSource baseline = new LedgerBaselineSource(LEDGER.store(), service, "prod");

        assertThat(baseline.baseline("p95Latency")).isEmpty();
        assertThat(baseline.origin()).contains("no successful release");
    }

    @Test
    void shouldSkipAFailedReleaseAfterTheLastSuccessfulOne() {
        String service = uniqueService();
        released(service, "1.0.0", ReleaseState.SUCCEEDED, Map.of("p95Latency", 200.0));
        released(service, "1.1.0", ReleaseState.FAILED, Map.of("p95Latency", 900.0));

        LedgerBaselineSource baseline = new LedgerBaselineSource(LEDGER.store(), service, "prod");

        assertThat(baseline.baseline("p95Latency")).hasValue(200.0);
        assertThat(baseline.origin()).contains("last successful release 1.0.0");
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
