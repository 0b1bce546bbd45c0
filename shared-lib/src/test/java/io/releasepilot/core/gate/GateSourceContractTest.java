package io.releasepilot.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link GateSource} adapter passes: it is registered under its type, yields values from valid
 * input with their origin, and turns missing input into an unavailable observation (INCONCLUSIVE objectives) or a
 * clear {@link InvalidInputException} — never a PASS.
 */
public abstract class GateSourceContractTest {

    /** A source over valid input. */
    protected abstract GateSource createSource();

    /** A source over empty or missing input (no file matched, nothing listening, no data). */
    protected abstract GateSource createSourceWithoutInput();

    /** A metric the valid source yields. */
    protected abstract String knownMetric();

    @Test
    void shouldBeRegisteredUnderItsType() {
        GateSource source = createSource();

        GateSourceRegistry.Descriptor descriptor = GateSourceRegistry.get(source.type());

        assertThat(descriptor.implementation()).isEqualTo(source.getClass());
        assertThat(descriptor.description()).isNotBlank();
    }

    @Test
    void shouldYieldValuesWithTheirOrigin() {
        Observation observation = createSource().observe();

        assertThat(observation.unavailable()).isEmpty();
        assertThat(observation.source()).isEqualTo(createSource().type());
        assertThat(observation.origin()).isNotBlank();
        assertThat(observation.value(knownMetric())).isPresent();
    }

    @Test
    void shouldNeverPassWithoutInput() {
        GateSource source = createSourceWithoutInput();

        Throwable error = catchThrowable(source::observe);

        if (error != null) {
            assertThat(error).isInstanceOf(InvalidInputException.class);
            assertThat(error.getMessage()).isNotBlank();
            return;
        }
        verifyWithoutInput(source.observe());
    }

    /**
     * Checks the observation of a source without input: by default every objective on it is INCONCLUSIVE. A health
     * probe overrides this, since an unreachable service is a failed check, not missing data.
     */
    protected void verifyWithoutInput(Observation observation) {
        Objective anything = Objective.of(
                "any", observation.source(), knownMetric(), Comparator.GREATER_OR_EQUAL, Double.NEGATIVE_INFINITY);
        ObjectiveResult result = GateEvaluator.evaluate(anything, List.of(observation));
        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.explanation()).contains("no data");
    }
}
