package io.releasepilot.core.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoraEvaluatorTest {
    private static final Instant NOW = Instant.parse("2026-03-31T00:00:00Z");
    private static final Instant SINCE = NOW.minus(Duration.ofDays(30));

    private static Deployment deployment(
            Instant finished, DeploymentOutcome outcome, Duration leadTime, boolean hotfix) {
        return new Deployment(
                "checkout",
                "production",
                "1.0." + finished.getEpochSecond(),
                finished.minus(Duration.ofMinutes(5)),
                finished,
                outcome,
                Optional.of(finished.minus(leadTime)),
                hotfix);
    }

    private static DoraReport evaluate(List<Deployment> deployments) {
        return new DoraEvaluator().evaluate(deployments, SINCE, NOW, DoraTargets.seed(), "checkout", "production");
    }

    @Test
    void shouldMarkEveryFigureNoDataForAnEmptyWindow() {
        // A deployment before the window does not count.
        DoraReport report = evaluate(List.of(
                deployment(SINCE.minus(Duration.ofDays(1)), DeploymentOutcome.SUCCEEDED, Duration.ofHours(1), false)));
        assertThat(report.deployments()).isZero();
        assertThat(report.figures()).hasSize(4).allSatisfy(figure -> {
            assertThat(figure.value()).isEmpty();
            assertThat(figure.band()).isEqualTo(PerformanceBand.NO_DATA);
            assertThat(figure.targetStatus()).isEqualTo(TargetStatus.NO_DATA);
        });
        assertThat(new DoraReportRenderer().text(report)).contains("no data").doesNotContain(" 0 deployments/day");
        assertThat(new DoraReportRenderer().json(report)).contains("\"value\" : null");
    }

    @Test
    void shouldReportZeroFailuresAndNoRestoreDataForAServiceThatNeverFailed() {
        List<Deployment> deployments = new ArrayList<>();
        for (int day = 0; day < 30; day++) {
            deployments.add(deployment(
                    SINCE.plus(Duration.ofDays(day)).plus(Duration.ofHours(12)),
                    DeploymentOutcome.SUCCEEDED,
                    Duration.ofMinutes(60 + day),
                    false));
        }
        DoraReport report = evaluate(deployments);

        DoraFigure frequency = report.figure(DoraMetric.DEPLOYMENT_FREQUENCY);
        assertThat(frequency.value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(1.0, within(1e-9)));
        assertThat(frequency.band()).isEqualTo(PerformanceBand.ELITE);
        assertThat(frequency.targetStatus()).isEqualTo(TargetStatus.MET);

        DoraFigure cfr = report.figure(DoraMetric.CHANGE_FAILURE_RATE);
        assertThat(cfr.value()).contains(0.0);
        assertThat(cfr.targetStatus()).isEqualTo(TargetStatus.MET);
        assertThat(cfr.band()).isEqualTo(PerformanceBand.ELITE);

        DoraFigure restore = report.figure(DoraMetric.TIME_TO_RESTORE);
        assertThat(restore.value()).isEmpty();
        assertThat(restore.band()).isEqualTo(PerformanceBand.NO_DATA);
        assertThat(restore.source()).contains("no failed");

        DoraFigure lead = report.figure(DoraMetric.LEAD_TIME);
        // 60..89 minutes: median of 30 values = (74 + 75) / 2 minutes; p90 nearest rank 27 → 86 minutes.
        assertThat(lead.value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(74.5 / 60, within(1e-9)));
        assertThat(lead.p90()).hasValueSatisfying(v -> assertThat(v).isCloseTo(86.0 / 60, within(1e-9)));
        assertThat(lead.targetStatus()).isEqualTo(TargetStatus.MET);
    }

    @Test
    void shouldComputeMixedOutcomes() {
        Instant t = SINCE.plus(Duration.ofDays(1));
        List<Deployment> deployments = List.of(
                deployment(t, DeploymentOutcome.SUCCEEDED, Duration.ofHours(3), false),
                // Rolled back, then a failure: one incident from the rollback to the next success, 30 min later.
                deployment(t.plus(Duration.ofHours(1)), DeploymentOutcome.ROLLED_BACK, Duration.ofHours(3), false),
                deployment(t.plus(Duration.ofMinutes(70)), DeploymentOutcome.FAILED, Duration.ofHours(3), false),
                deployment(t.plus(Duration.ofMinutes(90)), DeploymentOutcome.SUCCEEDED, Duration.ofHours(5), false),
                // Followed by a hotfix: a failed change even though it succeeded.
                deployment(t.plus(Duration.ofDays(2)), DeploymentOutcome.SUCCEEDED, Duration.ofHours(1), false),
                deployment(
                        t.plus(Duration.ofDays(2).plusMinutes(8)),
                        DeploymentOutcome.SUCCEEDED,
                        Duration.ofMinutes(20),
                        true),
                // A failure 5 min before a success: second incident.
                deployment(t.plus(Duration.ofDays(3)), DeploymentOutcome.ROLLED_BACK, Duration.ofHours(1), false),
                deployment(
                        t.plus(Duration.ofDays(3).plusMinutes(5)),
                        DeploymentOutcome.SUCCEEDED,
                        Duration.ofHours(1),
                        false));
        DoraReport report = evaluate(deployments);

        assertThat(report.deployments()).isEqualTo(8);
        // 4 failed changes (rollback, failure, release followed by hotfix, rollback) of 8.
        assertThat(report.figure(DoraMetric.CHANGE_FAILURE_RATE).value()).contains(50.0);
        assertThat(report.figure(DoraMetric.CHANGE_FAILURE_RATE).band()).isEqualTo(PerformanceBand.LOW);
        assertThat(report.figure(DoraMetric.CHANGE_FAILURE_RATE).targetStatus()).isEqualTo(TargetStatus.MISSED);
        // Incidents of 30 and 5 minutes → median 17.5.
        DoraFigure restore = report.figure(DoraMetric.TIME_TO_RESTORE);
        assertThat(restore.value()).contains(17.5);
        assertThat(restore.sampleSize()).isEqualTo(2);
        assertThat(restore.band()).isEqualTo(PerformanceBand.ELITE);
        assertThat(restore.targetStatus()).isEqualTo(TargetStatus.MISSED);
        // 5 successes over 30 days.
        assertThat(report.figure(DoraMetric.DEPLOYMENT_FREQUENCY).value())
                .hasValueSatisfying(v -> assertThat(v).isCloseTo(5 / 30.0, within(1e-9)));
        assertThat(report.figure(DoraMetric.DEPLOYMENT_FREQUENCY).band()).isEqualTo(PerformanceBand.HIGH);
        // Lead times of successes: 3 h, 5 h, 1 h, 20 min, 1 h → median 1 h.
        assertThat(report.figure(DoraMetric.LEAD_TIME).value()).contains(1.0);
    }

    @Test
    void shouldLeaveAnUnrestoredFailureOutOfTheMedianAndSaySo() {
        DoraReport report = evaluate(List.of(
                deployment(SINCE.plus(Duration.ofDays(2)), DeploymentOutcome.ROLLED_BACK, Duration.ofHours(1), false)));
        assertThat(report.figure(DoraMetric.TIME_TO_RESTORE).value()).isEmpty();
        assertThat(report.figure(DoraMetric.TIME_TO_RESTORE).source()).contains("1 failure(s) not yet followed");
        assertThat(report.figure(DoraMetric.CHANGE_FAILURE_RATE).value()).contains(100.0);
        assertThat(report.figure(DoraMetric.DEPLOYMENT_FREQUENCY).value()).contains(0.0);
        assertThat(report.figure(DoraMetric.DEPLOYMENT_FREQUENCY).band()).isEqualTo(PerformanceBand.LOW);
        assertThat(report.figure(DoraMetric.LEAD_TIME).value()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        // failed of 100 → band: 5 % is still Elite, 5.x High; 10 % High; 15 % Medium; 16 % Low
        "5, ELITE",
        "6, HIGH",
        "10, HIGH",
        "11, MEDIUM",
        "15, MEDIUM",
        "16, LOW"
    })
    void shouldPlaceChangeFailureRateBandBoundaries(int failed, PerformanceBand band) {
        List<Deployment> deployments = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            deployments.add(deployment(
                    SINCE.plus(Duration.ofHours(6L * i + 1)),
                    i < failed ? DeploymentOutcome.FAILED : DeploymentOutcome.SUCCEEDED,
                    Duration.ofHours(1),
                    false));
        }
        assertThat(evaluate(deployments).figure(DoraMetric.CHANGE_FAILURE_RATE).band())
                .isEqualTo(band);
    }

    @ParameterizedTest
    @CsvSource({
        // lead time in minutes → band: < 1 day Elite; <= 1 week High; <= 30 days Medium; else Low
        "1439, ELITE",
        "1440, HIGH",
        "10080, HIGH",
        "10081, MEDIUM",
        "43200, MEDIUM",
        "43201, LOW"
    })
    void shouldPlaceLeadTimeBandBoundaries(long minutes, PerformanceBand band) {
        DoraReport report = evaluate(List.of(deployment(
                SINCE.plus(Duration.ofDays(1)), DeploymentOutcome.SUCCEEDED, Duration.ofMinutes(minutes), false)));
        assertThat(report.figure(DoraMetric.LEAD_TIME).band()).isEqualTo(band);
    }

    @ParameterizedTest
    @CsvSource({
        // successful deployments in 30 days → band: >= 1/day Elite; >= 1/week High; >= 1/month Medium; else Low
        "30, ELITE",
        "29, HIGH",
        "5, HIGH",
        "4, MEDIUM",
        "1, MEDIUM",
        "0, LOW"
    })
    void shouldPlaceDeploymentFrequencyBandBoundaries(int successes, PerformanceBand band) {
        List<Deployment> deployments = new ArrayList<>();
        deployments.add(
                deployment(SINCE.plus(Duration.ofMinutes(1)), DeploymentOutcome.FAILED, Duration.ofHours(1), false));
        for (int i = 0; i < successes; i++) {
            deployments.add(deployment(
                    SINCE.plus(Duration.ofHours(20L * i + 2)),
                    DeploymentOutcome.SUCCEEDED,
                    Duration.ofHours(1),
                    false));
        }
        assertThat(evaluate(deployments).figure(DoraMetric.DEPLOYMENT_FREQUENCY).band())
                .isEqualTo(band);
    }

    @ParameterizedTest
    @CsvSource({
        // restore minutes → band: < 60 Elite; < 1 day High; <= 1 week Medium; else Low
        "59, ELITE",
        "60, HIGH",
        "1439, HIGH",
        "1440, MEDIUM",
        "10080, MEDIUM",
        "10081, LOW"
    })
    void shouldPlaceTimeToRestoreBandBoundaries(long minutes, PerformanceBand band) {
        Instant failure = SINCE.plus(Duration.ofDays(1));
        DoraReport report = evaluate(List.of(
                deployment(failure, DeploymentOutcome.ROLLED_BACK, Duration.ofHours(1), false),
                deployment(
                        failure.plus(Duration.ofMinutes(minutes)),
                        DeploymentOutcome.SUCCEEDED,
                        Duration.ofHours(1),
                        false)));
        assertThat(report.figure(DoraMetric.TIME_TO_RESTORE).band()).isEqualTo(band);
    }

    @Test
    void shouldRenderMarkdownWithTargetsAndBands() {
        DoraReport report = evaluate(List.of(
                deployment(SINCE.plus(Duration.ofDays(1)), DeploymentOutcome.SUCCEEDED, Duration.ofHours(1), false)));
        String markdown = new DoraReportRenderer().markdown(report);
        assertThat(markdown)
                .contains("| Metric | Value | Target | Status | DORA band | Source |")
                .contains("| Lead time for changes | 1 hours (p90 1) | < 2 h | MET | ELITE |")
                .contains("| Time to restore service | no data | < 10 min | NO_DATA | NO_DATA |");
    }
}
