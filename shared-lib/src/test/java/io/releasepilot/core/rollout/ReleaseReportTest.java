package io.releasepilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.LockHolder;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReleaseReportTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    private static Release release() {
        UUID id = UUID.randomUUID();
        Actor alice = Actor.of("alice");
        return new Release(
                id,
                ReleaseRequest.of("shop", "staging", "2.0.0", ReleaseStrategy.CANARY, alice),
                ReleaseState.SUCCEEDED,
                2,
                null,
                AT,
                AT.plusSeconds(60),
                "completed",
                new LockHolder(id, "2.0.0", alice, AT));
    }

    private static ReleaseStep note(Release release, StepDetail.Note detail) {
        return new ReleaseStep(1, release.id(), new NewStep(0, detail), AT);
    }

    @Test
    void shouldSayUpFrontThatAReleaseWithoutSignalWasPromotedBlind() {
        Release release = release();
        ReleaseStep blind = note(
                release,
                new StepDetail.NoSignal("the canary has no signal: no step has criteria", "add criteria to the steps"));

        String report = ReleaseReport.markdown(release, List.of(blind), List.of());

        assertThat(report)
                .contains("- **Promoted blind (no signal):** the canary has no signal: no step has criteria (add"
                        + " criteria to the steps)\n");
        assertThat(report.indexOf("Promoted blind")).isLessThan(report.indexOf("| Time |"));
    }

    @Test
    void shouldNotSayBlindWhenTheLedgerHasNoSuchNote() {
        Release release = release();

        String report = ReleaseReport.markdown(
                release,
                List.of(note(release, new StepDetail.TrafficIntent(TrafficSplit.canary(5), "step 1"))),
                List.of());

        assertThat(report).doesNotContain("blind");
    }
}
