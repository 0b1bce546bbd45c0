package io.releasepilot.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.LockHolder;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The use cases' small values and the parts of them that need no ledger. */
class ApplicationValuesTest {
    private static final Instant AT = Instant.parse("2026-05-01T09:00:00Z");

    private static Release release() {
        UUID id = UUID.randomUUID();
        Actor actor = Actor.of("ci");
        return new Release(
                id,
                ReleaseRequest.of("shop", "staging", "2.0.0", ReleaseStrategy.CANARY, actor),
                ReleaseState.IN_PROGRESS,
                2,
                null,
                AT,
                null,
                null,
                new LockHolder(id, "2.0.0", actor, AT));
    }

    private static StepDetail.Analysis analysis(Verdict verdict) {
        return new StepDetail.Analysis(AT, "2.0.0", Map.of(), Map.of(), verdict, null);
    }

    private static ReleaseStep step(long sequence, NewStep step) {
        return new ReleaseStep(sequence, UUID.randomUUID(), step, AT.plusSeconds(sequence));
    }

    @Test
    void shouldAuditEachOperationAsItsOwnAction() {
        assertThat(OperatorAction.Operation.values())
                .extracting(OperatorAction.Operation::audit)
                .containsExactly(AuditAction.PROMOTE, AuditAction.PAUSE, AuditAction.RESUME, AuditAction.ABORT);
    }

    @Test
    void shouldRefuseARolloutWithoutAVersion() {
        assertThatThrownBy(() -> new Rollout.Request(" ", Actor.of("alice"), null, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs a version");
    }

    @Test
    void shouldRollOutOnlyCanaryAndBlueGreenReleases() {
        ReleasePorts ports = ReleasePorts.standard(ReleaseSessionTest.untouchedLedger(), Map.of());
        try (ReleaseSession session = ReleaseSession.open(ReleaseSessionTest.shop(), "staging", ports)) {
            Rollout rollout = new Rollout(session);
            Rollout.Request request = new Rollout.Request("2.0.0", Actor.of("alice"), null, false);

            assertThatThrownBy(() -> rollout.run(ReleaseStrategy.ROLLBACK, request, progress -> {}))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("use canary or blue-green");
        }
    }

    @Test
    void shouldTieARunWithANoteThatNamesTheRun() {
        HostRun run = new HostRun("jenkins-step", "step-1", "https://ci/job/1/", "job#1");
        HostRun other = new HostRun("jenkins-step", "step-2", "https://ci/job/2/", "job#2");

        ReleaseStep tie = step(1, new NewStep(0, run.tie()));
        ReleaseStep unrelated = step(
                2,
                new NewStep(
                        0,
                        new StepDetail.HostNote("jenkins-build", "job#1", "https://ci/job/1/", "step-1", null, null)));

        assertThat(run.tie())
                .isEqualTo(new StepDetail.HostNote("jenkins-step", "job#1", "https://ci/job/1/", "step-1", null, null));
        assertThat(run.tiedRun(tie)).contains("step-1");
        // Another run of the same host reads the same tie, and so knows the release is not its own.
        assertThat(other.tiedRun(tie)).contains("step-1");
        assertThat(run.tiedRun(unrelated)).isEmpty();
    }

    @Test
    void shouldPickTheLatestAnalysisAndTheRecentNotesOfASnapshot() {
        List<ReleaseStep> steps = new ArrayList<>();
        steps.add(step(1, new NewStep(1, analysis(Verdict.PASS))));
        for (int i = 0; i < 6; i++) {
            steps.add(step(10 + i, new NewStep(1, new StepDetail.Notice("n" + i))));
        }
        steps.add(step(
                20, new NewStep(2, new StepDetail.TrafficApplied(TrafficSplit.canary(25), "haproxy", null, "step 2"))));
        steps.add(step(21, new NewStep(2, analysis(Verdict.FAIL))));
        steps.add(step(22, new NewStep(2, new StepDetail.Gate(Verdict.PASS, 100, "all passed", Map.of(), List.of()))));
        // An analysis row this version cannot read is not the latest analysis.
        steps.add(step(23, new NewStep(2, new StepDetail.Unrecognised(StepKind.ANALYSIS, Verdict.PASS, "", "{}"))));
        ReleaseStatus.RouterReading reading = new ReleaseStatus.RouterReading(
                Optional.of(RouterState.serving("haproxy", TrafficSplit.canary(25), "ok")), Optional.empty());

        ReleaseStatus.Snapshot snapshot = new ReleaseStatus.Snapshot(release(), reading, steps);

        assertThat(snapshot.latestAnalysis()).map(ReleaseStep::sequence).contains(21L);
        assertThat(snapshot.recentNotes(5)).extracting(ReleaseStep::sequence).containsExactly(12L, 13L, 14L, 15L, 20L);
        assertThat(reading.describe()).isEqualTo("haproxy stable 75 / canary 25");
        assertThat(new ReleaseStatus.RouterReading(Optional.empty(), Optional.of("connection refused")).describe())
                .isEqualTo("unreadable: connection refused");
    }

    @Test
    void shouldNeedALedgerToNoteABuildOnARelease() {
        ReleaseNote note = new ReleaseNote(Ledger.none("configure the database"));

        assertThatThrownBy(() -> note.addIfActive(
                        UUID.randomUUID().toString(),
                        new StepDetail.HostNote("jenkins-build", "ops#3", "https://ci/ops/3/", null, "ci", "SUCCESS")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("configure the database");
    }
}
