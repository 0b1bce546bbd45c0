package io.releasepilot.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.cli.dashboard.DashboardAccess.Viewer;
import io.releasepilot.core.dora.DoraEvaluator;
import io.releasepilot.core.dora.DoraTargets;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.DeploymentRecord;
import io.releasepilot.core.state.GateObjective;
import io.releasepilot.core.state.JudgeSummary;
import io.releasepilot.core.state.LockHolder;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.TrafficSplit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DashboardPagesTest {
    private static final String EVIL = "<script>alert(1)</script>";
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void shouldRenderTheReleaseDetailWithEveryLedgerStringEscaped() {
        Release release = release(EVIL);
        ReleaseStore views = new ReleaseStore(release);
        DashboardPages pages = pages();

        String html =
                pages.detail(views.detail(), new Viewer("olga", false, true)).markup();

        assertThat(html).doesNotContain(EVIL).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("id=\"traffic\"", "90/10", "read back", "errorRate", "&lt; 1%");
        assertThat(html).contains("class=\"high\"", "class=\"pass\"", "class=\"no-data\"", "score 33.33");
        assertThat(html).contains("coverage", "&gt;=", "notify-me", "<polyline class=\"desired\"");
        assertThat(html).contains("data-action=\"pause\"", "name=\"csrf\"").doesNotContain("data-action=\"resume\"");
        assertThat(pages.detail(views.detail(), new Viewer("rita", false, false))
                        .markup())
                .doesNotContain("class=\"action\"", "name=\"csrf\"");
    }

    @Test
    void shouldKeepTheHeaviestPageWithinThePageWeightBudget() throws Exception {
        List<DeploymentRecord> records = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            records.add(new DeploymentRecord(
                    UUID.randomUUID(),
                    "1.2." + i + "-build.with-a-long-suffix",
                    "0123456789abcdef0123456789abcdef01234567",
                    ReleaseStrategy.CANARY,
                    i % 10 == 0 ? ReleaseState.ROLLED_BACK : ReleaseState.SUCCEEDED,
                    NOW.minusSeconds(i * 60L),
                    NOW.minusSeconds(i * 60L - 30),
                    null,
                    i % 10 == 0));
        }
        BoardViews.History history = new BoardViews.History(
                "svc",
                "production",
                NOW.minus(Duration.ofDays(30)),
                records,
                new DoraEvaluator()
                        .evaluate(
                                List.of(),
                                NOW.minus(Duration.ofDays(30)),
                                NOW,
                                DoraTargets.seed(),
                                "svc",
                                "production"));

        String html = pages().history(history, new Viewer("olga", false, true)).markup();

        long assets = 0;
        for (String asset : List.of("/dashboard/dashboard.css", "/dashboard/dashboard.js")) {
            try (var in = DashboardPagesTest.class.getResourceAsStream(asset)) {
                assets += in.readAllBytes().length;
            }
        }
        assertThat(html.getBytes(StandardCharsets.UTF_8).length + assets)
                .isLessThanOrEqualTo(DashboardPages.PAGE_BUDGET_BYTES);
        assertThat(html).contains("the newest 200 listed", "Deployment frequency", "<rect class=\"failed\"");
    }

    @Test
    void shouldRefuseATemplatePlaceholderWithoutAValue() {
        assertThatThrownBy(() -> Template.load("layout").render(Map.of("title", "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{{service}}");
        assertThat(Html.format("<b>%s</b>", EVIL).markup()).isEqualTo("<b>&lt;script&gt;alert(1)&lt;/script&gt;</b>");
        assertThat(Html.text("\"'&").markup()).isEqualTo("&quot;&#39;&amp;");
    }

    private static DashboardPages pages() {
        return new DashboardPages(
                new DashboardAccess(Map.of(), Map.of(), Set.of(), true, Set.of("olga")), "svc", List.of("production"));
    }

    private static Release release(String version) {
        UUID id = UUID.randomUUID();
        Actor actor = Actor.of(EVIL);
        return new Release(
                id,
                ReleaseRequest.of("svc", "production", version, ReleaseStrategy.CANARY, actor),
                ReleaseState.IN_PROGRESS,
                1,
                TrafficSplit.canary(10),
                NOW,
                null,
                null,
                new LockHolder(id, version, actor, NOW));
    }

    /** The views of one release with a step of every kind the detail page has a section for. */
    private record ReleaseStore(Release release) {
        BoardViews.Detail detail() {
            UUID id = release.id();
            List<StepDetail> details = List.of(
                    new StepDetail.TrafficApplied(TrafficSplit.canary(10), "haproxy", TrafficSplit.canary(10), EVIL),
                    new StepDetail.Analysis(
                            NOW,
                            release.version(),
                            Map.of("errorRate", 0.002, "p95", Double.NaN),
                            Map.of("errorRate", "< 1%"),
                            Verdict.PASS,
                            new JudgeSummary(
                                    Verdict.FAIL,
                                    33.33,
                                    EVIL,
                                    List.of(
                                            new JudgeSummary.Metric(
                                                    "latency", 250, 120, 1.2, 0.01, Verdict.FAIL, "slower"),
                                            new JudgeSummary.Metric("errors", 0.1, 0.1, 0, 0.9, Verdict.PASS, "same"),
                                            new JudgeSummary.Metric(
                                                    "cpu",
                                                    Double.NaN,
                                                    1,
                                                    Double.NaN,
                                                    Double.NaN,
                                                    Verdict.INCONCLUSIVE,
                                                    "no data")))),
                    new StepDetail.Gate(
                            Verdict.PASS,
                            100,
                            "all met",
                            Map.of("coverage", 81.0),
                            List.of(new GateObjective(
                                    "coverage", "jacoco", "line", "jacoco.xml", 81, ">=", 80, Verdict.PASS))),
                    new StepDetail.Notice("notify-me " + EVIL));
            List<ReleaseStep> steps = new ArrayList<>();
            for (StepDetail detail : details) {
                steps.add(new ReleaseStep(steps.size() + 1, id, new NewStep(1, detail), NOW));
            }
            BoardViews.Traffic traffic =
                    new BoardViews.Traffic(NOW, 1, TrafficSplit.canary(10), TrafficSplit.canary(10), EVIL);
            StepDetail.Analysis analysis = (StepDetail.Analysis) details.get(1);
            return new BoardViews.Detail(
                    release,
                    steps,
                    List.of(traffic),
                    List.of(new BoardViews.AnalysisRow(
                            NOW,
                            1,
                            Verdict.PASS,
                            List.of(
                                    new BoardViews.Measure("errorRate", 0.002, "< 1%"),
                                    new BoardViews.Measure("p95", null, "")))),
                    List.of(new BoardViews.CanaryReport(
                            NOW,
                            1,
                            Verdict.FAIL,
                            33.33,
                            EVIL,
                            analysis.judge().metrics().stream()
                                    .map(BoardViews.JudgedMetric::of)
                                    .toList())),
                    List.of(new BoardViews.GateRow(
                            NOW, Verdict.PASS, 100, "all met", ((StepDetail.Gate) details.get(2)).objectives())),
                    List.of("notify-me " + EVIL),
                    List.of(),
                    List.of(new AuditEntry(1, id, AuditAction.START, Actor.of(EVIL), EVIL, NOW)));
        }
    }
}
