package io.releasepilot.core.state.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.GateObjective;
import io.releasepilot.core.state.JudgeSummary;
import io.releasepilot.core.state.RollbackCause;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.state.VersionChecked;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StepDetailCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-03-01T10:00:04.123456789Z");

    /** One of every record, with every rollback cause, and the optional parts both present and absent. */
    static List<StepDetail> everyVariant() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("errorRate", 0.004);
        values.put("p95Latency", Double.NaN);
        return List.of(
                new StepDetail.TrafficIntent(TrafficSplit.canary(25), "step 1 passed; step 2 at 25 %"),
                new StepDetail.TrafficApplied(TrafficSplit.canary(25), "nginx", TrafficSplit.canary(25), "why"),
                new StepDetail.TrafficApplied(TrafficSplit.ALL_STABLE, "command", null, "why"),
                new StepDetail.Analysis(
                        AT,
                        "v2",
                        values,
                        Map.of("errorRate", "< 1% (warning < 2%)", "p95Latency", "< 400ms"),
                        Verdict.WARNING,
                        null),
                new StepDetail.Analysis(
                        AT,
                        "v2",
                        Map.of(),
                        Map.of(),
                        Verdict.FAIL,
                        new JudgeSummary(
                                Verdict.FAIL,
                                0,
                                "critical metric failed",
                                List.of(new JudgeSummary.Metric(
                                        "meanLatency", 52, 12, 3.3, 0.001, Verdict.FAIL, "slower")))),
                new StepDetail.HealthCheck(2, AT),
                new StepDetail.Gate(
                        Verdict.INCONCLUSIVE,
                        50,
                        "no data for p95",
                        Map.of("line", 0.91),
                        List.of(
                                new GateObjective(
                                        "coverage", "jacoco", "line", "jacoco.xml", 0.91, ">=", 0.9, Verdict.PASS),
                                new GateObjective(
                                        "p95",
                                        "prometheus",
                                        "p95",
                                        "query",
                                        Double.NaN,
                                        "<",
                                        400,
                                        Verdict.INCONCLUSIVE))),
                new StepDetail.Phase("KEEPING_BLUE", "watch window passed"),
                new StepDetail.Hook("deploy", List.of("./deploy.sh", "green"), 3, "'boom'", false),
                new StepDetail.Hook("retire", List.of("./retire.sh"), null, "timed out after 5s", false),
                new StepDetail.SmokeChecks(
                        List.of(
                                new StepDetail.SmokeChecks.Check("http://green/health", 200, true),
                                new StepDetail.SmokeChecks.Check("http://green/ready", 204, false)),
                        false),
                new StepDetail.Reconciled(TrafficSplit.canary(10), TrafficSplit.canary(50), "haproxy"),
                new StepDetail.Resumed("carol", false),
                new StepDetail.Notice("error-rate: errorRate = 0.03 > 0.02, pending"),
                new StepDetail.NoSignal("the canary has no signal: no step has criteria", "add criteria to the steps"),
                new StepDetail.RollbackStarted(
                        "rollback trigger fired",
                        "alice",
                        new RollbackCause.Triggers(List.of("error-rate"), List.of("errorRate = 0.05 > 0.02"), values)),
                new StepDetail.RollbackStarted("manual", "bob", RollbackCause.Operator.ofReleaseInProgress()),
                new StepDetail.RollbackStarted("manual", "bob", new RollbackCause.Operator("2.0.0", "1.9.0")),
                new StepDetail.RollbackStarted(
                        "alert",
                        "alertmanager",
                        new RollbackCause.Alerts(
                                "group",
                                List.of(new RollbackCause.FiredAlert(
                                        "ErrorRateHigh",
                                        Map.of("service", "api"),
                                        "2024-05-01T10:00:00Z",
                                        "f",
                                        null)))),
                new StepDetail.RollbackStarted("interrupted", "dave", new RollbackCause.Unrecorded()),
                new StepDetail.HostNote("jenkins-step", "12", "http://ci/12/", "4711", null, null),
                new StepDetail.HostNote("jenkins-build", "13", "http://ci/13/", null, "erin", "ABORTED"),
                new VersionChecked(
                        "v3",
                        Verdict.FAIL,
                        "version check failed: releasing v3 but the target's servers show 127.0.0.1:8082=v2",
                        List.of(
                                new VersionChecked.Server(
                                        "127.0.0.1:8082", "http://127.0.0.1:8082/version", "v2", "expected v3"),
                                new VersionChecked.Server(
                                        "127.0.0.1:8083", "http://127.0.0.1:8083/version", null, "unreachable"))),
                new StepDetail.Unrecognised(
                        StepKind.NOTE, null, "canary-paused-by-bot", "{\"event\":\"canary-paused-by-bot\",\"n\":1}"));
    }

    @ParameterizedTest
    @MethodSource("everyVariant")
    void shouldReadBackWhatItWrote(StepDetail detail) {
        String json = StepDetailCodec.toJson(detail);

        StepDetail read = StepDetailCodec.fromJson(
                detail.kind(), detail.verdict(), weights(detail), json, Instant.parse("2000-01-01T00:00:00Z"));

        assertThat(read).isEqualTo(detail);
    }

    @Test
    void shouldCoverEveryRecordOfTheFamily() {
        List<Class<?>> covered = everyVariant().stream()
                .<Class<?>>map(Object::getClass)
                .distinct()
                .toList();
        List<Class<?>> causes = everyVariant().stream()
                .filter(d -> d instanceof StepDetail.RollbackStarted)
                .<Class<?>>map(d -> ((StepDetail.RollbackStarted) d).cause().getClass())
                .distinct()
                .toList();

        assertThat(covered).containsExactlyInAnyOrderElementsOf(records(StepDetail.class));
        assertThat(causes).containsExactlyInAnyOrder(RollbackCause.class.getPermittedSubclasses());
    }

    static Stream<LegacyStepRows.Row> legacyRows() {
        return LegacyStepRows.all().stream();
    }

    @ParameterizedTest
    @MethodSource("legacyRows")
    void shouldReadRowsWrittenBeforeTheDetailsWereTyped(LegacyStepRows.Row row) {
        StepDetail read = StepDetailCodec.fromJson(
                row.kind(), row.verdict(), row.weights(), row.json(), LegacyStepRows.RECORDED_AT);

        assertThat(read).isEqualTo(row.expected());
        assertThat(read.kind()).isEqualTo(row.kind());
        assertThat(read.verdict()).isEqualTo(row.verdict());
    }

    @ParameterizedTest
    @MethodSource("legacyRows")
    void shouldWriteTheKeysEarlierVersionsWroteAndRead(LegacyStepRows.Row row) throws Exception {
        // A rollback's traffic step no longer copies the rollback's details (they are in its rollback-started step).
        boolean reshaped = row.kind() == StepKind.TRAFFIC && !row.json().contains("traffic-applied");

        String written = StepDetailCodec.toJson(row.expected());

        if (reshaped) {
            assertThat(JSON.readTree(written).fieldNames())
                    .toIterable()
                    .containsExactly("event", "router", "readBack", "reason");
        } else {
            assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(row.json()));
        }
    }

    @Test
    void shouldTakeTheTimeOfTheRowWhenAnAnalysisRecordedNone() {
        StepDetail read = StepDetailCodec.fromJson(
                StepKind.ANALYSIS,
                Verdict.PASS,
                null,
                "{\"at\":\"not a time\",\"values\":{\"errorRate\":0.001}}",
                LegacyStepRows.RECORDED_AT);

        assertThat(((StepDetail.Analysis) read).at()).isEqualTo(LegacyStepRows.RECORDED_AT);
        assertThat(((StepDetail.Analysis) read).values()).containsEntry("errorRate", 0.001);
    }

    @Test
    void shouldNeverReadAMissingVerdictAsPass() {
        StepDetail analysis = StepDetailCodec.fromJson(StepKind.ANALYSIS, null, null, "{}", LegacyStepRows.RECORDED_AT);
        StepDetail gate = StepDetailCodec.fromJson(StepKind.GATE, null, null, "{}", LegacyStepRows.RECORDED_AT);

        assertThat(analysis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(gate.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void shouldReadARollbackStartWhoseCauseItCannotReadSoARerunFinishesIt() {
        StepDetail read = StepDetailCodec.fromJson(
                StepKind.NOTE,
                Verdict.FAIL,
                null,
                "{\"event\":\"rollback-started\",\"reason\":\"r\",\"actor\":\"a\",\"trigger\":42}",
                LegacyStepRows.RECORDED_AT);

        assertThat(read).isEqualTo(new StepDetail.RollbackStarted("r", "a", new RollbackCause.Unrecorded()));
    }

    @Test
    void shouldKeepARowThatDoesNotFitItsRecordAsWritten() {
        String json = "{\"event\":\"phase\",\"reason\":\"no phase named\"}";

        StepDetail read = StepDetailCodec.fromJson(StepKind.NOTE, null, null, json, LegacyStepRows.RECORDED_AT);

        assertThat(read).isEqualTo(new StepDetail.Unrecognised(StepKind.NOTE, null, "phase", json));
        assertThat(StepDetailCodec.toMap(read)).containsEntry("reason", "no phase named");
    }

    @Test
    void shouldWriteMissingAndInfiniteValuesAsNull() throws Exception {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("a", Double.NaN);
        values.put("b", Double.POSITIVE_INFINITY);
        StepDetail detail = new StepDetail.Analysis(AT, "v", values, Map.of(), Verdict.INCONCLUSIVE, null);

        String json = StepDetailCodec.toJson(detail);

        assertThat(JSON.readTree(json).get("values").get("a").isNull()).isTrue();
        assertThat(JSON.readTree(json).get("values").get("b").isNull()).isTrue();
    }

    @Test
    void shouldRefuseTextPostgresCannotStore() {
        assertThatThrownBy(() -> StepDetailCodec.toJson(new StepDetail.Notice("a\0b")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("NUL");
    }

    private static TrafficSplit weights(StepDetail detail) {
        return detail instanceof StepDetail.TrafficApplied applied ? applied.weights() : null;
    }

    @Test
    void shouldListTheFamilyInTheSealedInterface() {
        assertThat(records(StepDetail.class).stream().map(Class::getSimpleName))
                .containsExactlyInAnyOrder(
                        "TrafficIntent",
                        "TrafficApplied",
                        "Analysis",
                        "HealthCheck",
                        "Gate",
                        "Phase",
                        "Hook",
                        "SmokeChecks",
                        "Reconciled",
                        "Resumed",
                        "Notice",
                        "NoSignal",
                        "RollbackStarted",
                        "VersionChecked",
                        "HostNote",
                        "Unrecognised");
    }

    /** The records of a sealed family, through its sealed sub-interfaces. */
    private static List<Class<?>> records(Class<?> family) {
        if (!family.isSealed()) {
            return List.of(family);
        }
        return Arrays.stream(family.getPermittedSubclasses())
                .flatMap(member -> records(member).stream())
                .toList();
    }
}
