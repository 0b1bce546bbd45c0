package io.releasepilot.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.testing.VersionProbe;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TrafficRouter} passes, run by each adapter's IT against a real load balancer in front of
 * two sample services answering {@code v1} (stable) and {@code v2} (canary). Public (exported in the test-jar) so
 * adapters in other packages and modules extend it.
 */
public abstract class TrafficRouterContractTest {
    /** The settings of the router under test, pointing at the balancer the subclass started. */
    protected abstract TrafficRouterSettings settings();

    /** The router's expected type id. */
    protected abstract String expectedType();

    /** Where requests go through the balancer, to see which version answers; empty to skip the traffic checks. */
    protected abstract Optional<URI> frontend();

    /** A fresh router built the way production builds it, from settings through the registry. */
    protected TrafficRouter router() {
        return TrafficRouterRegistry.create(settings());
    }

    @Test
    public void shouldApplyAndVerifyASplit() {
        TrafficRouter router = router();

        RouterState state = router.apply(TrafficSplit.canary(25));

        assertThat(state.split()).isEqualTo(new TrafficSplit(75, 25));
        assertThat(router.verify(TrafficSplit.canary(25))).isTrue();
        assertThat(router.verify(TrafficSplit.canary(75))).isFalse();
    }

    @Test
    public void shouldBeIdempotentOnReapply() {
        TrafficRouter router = router();
        RouterState first = router.apply(TrafficSplit.canary(75));

        RouterState second = router.apply(TrafficSplit.canary(75));

        assertThat(second.split()).isEqualTo(first.split()).isEqualTo(TrafficSplit.canary(75));
        assertThat(router.verify(TrafficSplit.canary(75))).isTrue();
    }

    @Test
    public void shouldRejectWeightsOutsideZeroToHundred() {
        assertThatThrownBy(() -> new TrafficSplit(101, -1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TrafficSplit.canary(101)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TrafficSplit.canary(-5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new TrafficSplit(50, 60)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    public void shouldReadTheAppliedSplitBackThroughANewRouter() {
        router().apply(TrafficSplit.canary(5));

        // A rerun after a crash builds a new router and reconciles from what the balancer reports.
        RouterState reconciled = router().current();

        assertThat(reconciled.split()).isEqualTo(TrafficSplit.canary(5));
        assertThat(reconciled.routerType()).isEqualTo(expectedType());
        assertThat(reconciled.detail()).isNotBlank();
    }

    @Test
    public void shouldSendAllTrafficToOneSideAtWeightsZeroAndHundred() throws Exception {
        TrafficRouter router = router();

        router.apply(TrafficSplit.ALL_CANARY);
        assertThat(router.verify(TrafficSplit.ALL_CANARY)).isTrue();
        if (frontend().isPresent()) {
            assertThat(VersionProbe.awaitOnly(frontend().get(), "v2", 20)).isEqualTo(Map.of("v2", 20));
        }

        router.apply(TrafficSplit.ALL_STABLE);
        assertThat(router.verify(TrafficSplit.ALL_STABLE)).isTrue();
        if (frontend().isPresent()) {
            assertThat(VersionProbe.awaitOnly(frontend().get(), "v1", 20)).isEqualTo(Map.of("v1", 20));
        }
    }

    @Test
    public void shouldSplitRealTrafficBetweenBothVersions() throws Exception {
        router().apply(TrafficSplit.canary(50));

        if (frontend().isPresent()) {
            Map<String, Integer> counts = VersionProbe.await(frontend().get(), 40, round -> round.size() == 2);
            assertThat(counts.keySet()).containsExactlyInAnyOrder("v1", "v2");
            assertThat(counts.get("v1") + counts.get("v2")).isEqualTo(40);
        }
    }

    @Test
    public void shouldReportItsTypeAndBeListedInTheRegistry() {
        TrafficRouter router = router();

        assertThat(router.type()).isEqualTo(expectedType()).isEqualTo(settings().type());
        assertThat(TrafficRouterRegistry.TYPES).contains(router.type());
        assertThat(TrafficRouterRegistry.isKnown(router.type())).isTrue();
        assertThat(TrafficRouterRegistry.all())
                .filteredOn(descriptor -> descriptor.type().equals(router.type()))
                .singleElement()
                .satisfies(descriptor -> {
                    assertThat(descriptor.implementation()).isEqualTo(router.getClass());
                    assertThat(descriptor.description()).isNotBlank();
                });
    }
}
