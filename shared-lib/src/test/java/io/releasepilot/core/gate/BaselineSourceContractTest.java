package io.releasepilot.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.core.gate.regression.RegressionGateSource;
import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Verdict;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BaselineSource} passes: a recorded value comes back exactly; a metric without one is
 * empty (a regression objective on it is then INCONCLUSIVE), never zero; the origin names where the values came from,
 * also when there are none; and a missing backend is a clear {@link ReleasePilotException}, not an empty baseline
 * that would hide the misconfiguration. Public (exported in the test-jar) so adapters in other packages extend it.
 */
public abstract class BaselineSourceContractTest {

    /** A baseline holding exactly {@code values}, recorded the way the adapter's backend records them. */
    protected abstract BaselineSource baselineOf(Map<String, Double> values);

    /** A baseline whose backend is there but holds no baseline at all (empty file, no successful release yet). */
    protected abstract BaselineSource withoutBaseline();

    /** Builds the adapter over a backend that is missing (no file, nothing listening) and reads one metric. */
    protected abstract ThrowingCallable readFromAMissingBackend();

    /** Text the error of {@link #readFromAMissingBackend()} must contain: the file or server it could not read. */
    protected abstract String missingBackendName();

    @Test
    void shouldReturnTheRecordedValueExactly() {
        BaselineSource baseline = baselineOf(Map.of("p95Latency", 312.5, "errorRate", 0.004));

        assertThat(baseline.baseline("p95Latency")).hasValue(312.5);
        assertThat(baseline.baseline("errorRate")).hasValue(0.004);
    }

    @Test
    void shouldReturnTheSameValueOnEveryRead() {
        BaselineSource baseline = baselineOf(Map.of("p95Latency", 200.0));

        assertThat(baseline.baseline("p95Latency")).hasValue(200.0);
        assertThat(baseline.baseline("p95Latency")).hasValue(200.0);
        assertThat(baseline.origin()).isEqualTo(baseline.origin());
    }

    @Test
    void shouldKeepAZeroBaselineApartFromAMissingOne() {
        BaselineSource baseline = baselineOf(Map.of("errorRate", 0.0));

        assertThat(baseline.baseline("errorRate")).hasValue(0.0);
        assertThat(baseline.baseline("p95Latency")).isEmpty();
    }

    @Test
    void shouldHaveNoValueForAMetricItDoesNotHold() {
        BaselineSource baseline = baselineOf(Map.of("p95Latency", 200.0));

        assertThat(baseline.baseline("throughput")).isEmpty();
        assertThat(baseline.baseline("")).isEmpty();
    }

    @Test
    void shouldNameItsOriginAlsoWithoutABaseline() {
        BaselineSource empty = withoutBaseline();

        assertThat(empty.baseline("p95Latency")).isEmpty();
        assertThat(empty.origin()).isNotBlank();
        assertThat(baselineOf(Map.of("p95Latency", 200.0)).origin()).isNotBlank();
    }

    @Test
    void shouldMakeARegressionObjectiveInconclusiveWithoutABaseline() {
        GateSource current = new GateSource() {
            @Override
            public String type() {
                return "prometheus";
            }

            @Override
            public Observation observe() {
                return Observation.of("prometheus", "fixed", Map.of("p95Latency", 230.0));
            }
        };
        Observation observation =
                new RegressionGateSource("p95-regression", "p95Latency", current, withoutBaseline(), true).observe();

        ObjectiveResult result = GateEvaluator.evaluate(
                Objective.of("p95-regression", "regression", "p95-regression", Comparator.LESS, 0.10),
                List.of(observation));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.explanation()).contains("no data");
    }

    @Test
    void shouldReportAMissingBackendAsAClearError() {
        Throwable error = catchThrowable(readFromAMissingBackend());

        assertThat(error)
                .as("reading from a missing backend must fail, not yield an empty baseline")
                .isInstanceOf(ReleasePilotException.class)
                .hasMessageContaining(missingBackendName());
    }
}
