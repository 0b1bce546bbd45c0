package io.releasepilot.cli.dashboard;

import io.releasepilot.cli.dashboard.BoardViews.AnalysisRow;
import io.releasepilot.cli.dashboard.BoardViews.CanaryReport;
import io.releasepilot.cli.dashboard.BoardViews.Detail;
import io.releasepilot.cli.dashboard.BoardViews.EnvironmentRow;
import io.releasepilot.cli.dashboard.BoardViews.GateRow;
import io.releasepilot.cli.dashboard.BoardViews.Hit;
import io.releasepilot.cli.dashboard.BoardViews.JudgedMetric;
import io.releasepilot.cli.dashboard.BoardViews.Measure;
import io.releasepilot.cli.dashboard.BoardViews.Traffic;
import io.releasepilot.core.dora.DoraEvaluator;
import io.releasepilot.core.dora.DoraReport;
import io.releasepilot.core.dora.DoraTargets;
import io.releasepilot.core.dora.LedgerDeploymentHistory;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.DeploymentRecord;
import io.releasepilot.core.state.JudgeSummary;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dashboard's views from the ledger, only through the {@link ReleaseStore} port: the overview costs two
 * lookups per environment plus the steps of a release in progress, whatever the size of the history.
 */
final class BoardReader {
    /** How many of the newest releases per environment a search by actor opens (version and sha search all). */
    static final int ACTOR_SEARCH_DEPTH = 200;

    private final ReleaseStore store;
    private final String service;
    private final List<String> environments;
    private final Duration window;
    private final Clock clock;

    BoardReader(ReleaseStore store, String service, List<String> environments, Duration window, Clock clock) {
        this.store = store;
        this.service = service;
        this.environments = List.copyOf(environments);
        this.window = window;
        this.clock = clock;
    }

    String service() {
        return service;
    }

    List<String> environments() {
        return environments;
    }

    BoardViews.Overview overview() {
        List<EnvironmentRow> rows = new ArrayList<>();
        for (String environment : environments) {
            Release live = store.lastSuccessful(service, environment).orElse(null);
            Release running = store.inProgress(service, environment).orElse(null);
            TrafficSplit readBack = null;
            Verdict analysis = null;
            Verdict gate = null;
            if (running != null) {
                for (ReleaseStep step : store.steps(running.id())) {
                    StepDetail detail = step.step().detail();
                    if (detail instanceof StepDetail.TrafficApplied applied) {
                        readBack = applied.readBack();
                    } else if (detail instanceof StepDetail.Analysis a) {
                        analysis = a.verdict();
                    } else if (detail instanceof StepDetail.Gate g) {
                        gate = g.verdict();
                    }
                }
            }
            rows.add(new EnvironmentRow(service, environment, live, running, readBack, analysis, gate));
        }
        return new BoardViews.Overview(service, rows);
    }

    Optional<Detail> detail(UUID releaseId) {
        Optional<Release> found = store.find(releaseId);
        if (found.isEmpty() || !found.get().service().equals(service)) {
            return Optional.empty();
        }
        List<ReleaseStep> steps = store.steps(releaseId);
        List<Traffic> traffic = new ArrayList<>();
        List<AnalysisRow> analyses = new ArrayList<>();
        List<CanaryReport> reports = new ArrayList<>();
        List<GateRow> gates = new ArrayList<>();
        List<String> notifications = new ArrayList<>();
        for (ReleaseStep step : steps) {
            int index = step.step().stepIndex();
            StepDetail detail = step.step().detail();
            if (detail instanceof StepDetail.TrafficApplied t) {
                traffic.add(new Traffic(step.recordedAt(), index, t.weights(), t.readBack(), t.reason()));
            } else if (detail instanceof StepDetail.Analysis a) {
                analyses.add(analysis(a, index));
                JudgeSummary judge = a.judge();
                if (judge != null) {
                    reports.add(new CanaryReport(
                            a.at(),
                            index,
                            judge.verdict(),
                            judge.score(),
                            judge.reason(),
                            judge.metrics().stream().map(JudgedMetric::of).toList()));
                }
            } else if (detail instanceof StepDetail.Gate g) {
                gates.add(new GateRow(step.recordedAt(), g.verdict(), g.score(), g.reason(), g.objectives()));
            } else if (detail instanceof StepDetail.Notice n) {
                notifications.add(n.message());
            }
        }
        return Optional.of(new Detail(
                found.get(),
                steps,
                traffic,
                analyses,
                reports,
                gates,
                notifications,
                store.approvals(releaseId),
                store.auditTrail(releaseId)));
    }

    private static AnalysisRow analysis(StepDetail.Analysis a, int index) {
        List<Measure> measures = new ArrayList<>();
        for (Map.Entry<String, Double> value : a.values().entrySet()) {
            measures.add(new Measure(
                    value.getKey(),
                    BoardViews.finite(value.getValue()),
                    a.thresholds().getOrDefault(value.getKey(), "")));
        }
        for (Map.Entry<String, String> threshold : a.thresholds().entrySet()) {
            if (!a.values().containsKey(threshold.getKey())) {
                measures.add(new Measure(threshold.getKey(), null, threshold.getValue()));
            }
        }
        return new AnalysisRow(a.at(), index, a.verdict(), measures);
    }

    BoardViews.History history(String environment) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        List<DeploymentRecord> releases = new ArrayList<>(store.releasesSince(service, environment, since));
        Collections.reverse(releases);
        DoraReport dora = new DoraEvaluator()
                .evaluate(
                        new LedgerDeploymentHistory(store).deployments(service, environment, since),
                        since,
                        now,
                        DoraTargets.seed(),
                        service,
                        environment);
        return new BoardViews.History(service, environment, since, releases, dora);
    }

    /** Releases whose version or commit sha contains {@code query}, or (among the newest) whose actor equals it. */
    BoardViews.Search search(String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        List<Hit> hits = new ArrayList<>();
        Map<String, Integer> scanned = new LinkedHashMap<>();
        if (q.isEmpty()) {
            return new BoardViews.Search(query, hits, scanned);
        }
        for (String environment : environments) {
            List<DeploymentRecord> all = store.releasesSince(service, environment, Instant.EPOCH);
            scanned.put(environment, all.size());
            for (int i = all.size() - 1; i >= 0; i--) {
                DeploymentRecord record = all.get(i);
                boolean byText = contains(record.version(), q) || contains(record.commitSha(), q);
                String actor = null;
                if (!byText && all.size() - i <= ACTOR_SEARCH_DEPTH) {
                    actor = store.find(record.releaseId())
                            .map(r -> r.request().actor().name())
                            .orElse(null);
                }
                if (byText || (actor != null && actor.toLowerCase(Locale.ROOT).equals(q))) {
                    hits.add(new Hit(environment, record, actor));
                }
            }
        }
        return new BoardViews.Search(query, hits, scanned);
    }

    private static boolean contains(@Nullable String text, String q) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(q);
    }
}
