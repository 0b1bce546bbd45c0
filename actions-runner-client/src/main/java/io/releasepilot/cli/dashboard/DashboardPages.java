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
import io.releasepilot.cli.dashboard.DashboardAccess.Viewer;
import io.releasepilot.core.dora.DoraFigure;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.Approval;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.DeploymentRecord;
import io.releasepilot.core.state.GateObjective;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.traffic.TrafficSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Renders the dashboard's pages: every ledger string goes through {@link Html#text} or {@link Html#format}. */
final class DashboardPages {
    /** The history page lists at most this many releases (the page-weight budget); the JSON API has them all. */
    static final int HISTORY_ROWS = 200;

    /**
     * The page-weight budget: any page with its stylesheet and script, uncompressed, stays under 96 KiB (the history
     * page at {@link #HISTORY_ROWS} rows is the heaviest); nothing else is loaded.
     */
    static final int PAGE_BUDGET_BYTES = 96 * 1024;

    private final Template layout = Template.load("layout");
    private final DashboardAccess access;
    private final String service;
    private final List<String> environments;

    DashboardPages(DashboardAccess access, String service, List<String> environments) {
        this.access = access;
        this.service = service;
        this.environments = List.copyOf(environments);
    }

    Html overview(BoardViews.Overview overview, Viewer viewer) {
        List<Html> rows = new ArrayList<>();
        for (EnvironmentRow row : overview.environments()) {
            Release running = row.running();
            Release live = row.live();
            rows.add(Html.format(
                    "<tr data-environment=\"%s\"><td><a href=\"/history?environment=%s\">%s</a></td><td>%s</td>"
                            + "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>%s</tr>",
                    row.environment(),
                    row.environment(),
                    row.environment(),
                    live == null ? Html.trusted("<span class=\"muted\">none</span>") : releaseLink(live),
                    running == null
                            ? Html.trusted("<span class=\"muted\">none</span>")
                            : Html.format(
                                    "%s <span class=\"%s\">%s</span>",
                                    releaseLink(running), running.state(), running.state()),
                    running == null ? "" : String.valueOf(running.currentStep()),
                    running == null ? "" : weights(running.weights()),
                    weights(row.readBack()),
                    verdict(row.latestAnalysis()),
                    verdict(row.latestGate()),
                    running == null
                            ? ""
                            : running.lockHolder().actor().name() + " since "
                                    + running.lockHolder().since(),
                    viewer.operator()
                            ? Html.format("<td>%s</td>", running == null ? Html.EMPTY : actions(running, viewer))
                            : Html.EMPTY));
        }
        Html body = Html.format(
                "<h1>Environments of %s</h1><table id=\"overview\"><thead><tr><th>Environment</th><th>Live</th>"
                        + "<th>In progress</th><th>Step</th><th>Desired stable/canary</th><th>Read back</th>"
                        + "<th>Analysis</th><th>Gate</th><th>Lock held by</th>%s</tr></thead><tbody>%s</tbody></table>",
                overview.service(), viewer.operator() ? Html.trusted("<th>Actions</th>") : Html.EMPTY, Html.join(rows));
        return page("Environments", viewer, body, "/api/overview", "");
    }

    Html detail(Detail d, Viewer viewer) {
        Release r = d.release();
        Html head = Html.format(
                "<h1>%s %s in %s <span class=\"%s\" id=\"state\">%s</span></h1><p>release <code>%s</code> · %s · commit"
                        + " <code>%s</code> · started by %s at %s%s · step %s · weights %s</p>%s",
                r.service(),
                r.version(),
                r.environment(),
                r.state(),
                r.state(),
                r.id(),
                r.request().strategy(),
                r.request().commitSha() == null ? "-" : r.request().commitSha(),
                r.request().actor().name(),
                r.startedAt(),
                r.finishedAt() == null
                        ? Html.EMPTY
                        : Html.format(
                                " · finished %s (%s)",
                                r.finishedAt(), r.finishReason() == null ? "" : r.finishReason()),
                r.currentStep(),
                weights(r.weights()),
                viewer.operator() && r.state().active() ? actions(r, viewer) : Html.EMPTY);
        Html timeline = table(
                "timeline",
                List.of("#", "at", "step", "kind", "event", "verdict", "what"),
                d.timeline(),
                (ReleaseStep s) -> List.of(
                        Html.text(s.sequence()),
                        Html.text(s.recordedAt()),
                        Html.text(s.step().stepIndex()),
                        Html.text(s.step().kind()),
                        Html.text(s.step().detail().event()),
                        verdict(s.step().verdict()),
                        Html.text(StepSummary.of(s.step().detail()))));
        Html traffic = table(
                "traffic",
                List.of("at", "step", "desired stable/canary", "read back", "reason"),
                d.traffic(),
                (Traffic t) -> List.of(
                        Html.text(t.at()),
                        Html.text(t.step()),
                        Html.text(weights(t.desired())),
                        Html.text(weights(t.readBack())),
                        Html.text(t.reason())));
        List<Html> analyses = new ArrayList<>();
        for (AnalysisRow a : d.analyses()) {
            for (Measure m : a.measures()) {
                analyses.add(Html.format(
                        "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                        a.at(),
                        a.step(),
                        verdict(a.verdict()),
                        m.metric(),
                        m.value() == null ? "no data" : number(m.value()),
                        m.threshold()));
            }
        }
        List<Html> reports = new ArrayList<>();
        for (CanaryReport c : d.canaryReports()) {
            reports.add(Html.format(
                    "<h3>step %s at %s: %s, score %s</h3><p>%s</p>%s",
                    c.step(),
                    c.at(),
                    verdict(c.verdict()),
                    number(c.score()),
                    c.reason(),
                    table(
                            "canary-report",
                            List.of("metric", "result", "canary", "baseline", "effect size", "why"),
                            c.metrics(),
                            (JudgedMetric m) -> List.of(
                                    Html.text(m.metric()),
                                    Html.format("<span class=\"%s\">%s</span>", m.classification(), m.classification()),
                                    Html.text(number(m.canary())),
                                    Html.text(number(m.baseline())),
                                    Html.text(number(m.effectSize())),
                                    Html.text(m.explanation())))));
        }
        List<Html> gates = new ArrayList<>();
        for (GateRow g : d.gates()) {
            gates.add(Html.format(
                    "<p>%s %s, score %s: %s</p>%s",
                    g.at(),
                    verdict(g.verdict()),
                    number(g.score()),
                    g.reason(),
                    table(
                            "gate",
                            List.of("objective", "source", "metric", "value", "pass when", "verdict"),
                            g.objectives(),
                            (GateObjective o) -> List.of(
                                    Html.text(o.name()),
                                    Html.text(o.source()),
                                    Html.text(o.metric()),
                                    Html.text(number(o.value())),
                                    Html.text(o.comparator() + " " + number(o.pass())),
                                    verdict(o.verdict())))));
        }
        Html body = Html.format(
                "%s<h2>Weights</h2>%s<h2>Timeline</h2>%s<h2>Traffic changes</h2>%s<h2>Analyses</h2>%s<h2>Canary report</h2>%s"
                        + "<h2>Gate report</h2>%s<h2>Approvals</h2>%s<h2>Notifications</h2>%s<h2>Audit</h2>%s",
                head,
                SvgCharts.weights(d.traffic()),
                timeline,
                traffic,
                analyses.isEmpty()
                        ? none()
                        : Html.format(
                                "<table id=\"analyses\"><thead><tr><th>at</th><th>step</th><th>verdict</th><th>metric</th>"
                                        + "<th>value</th><th>threshold</th></tr></thead><tbody>%s</tbody></table>",
                                Html.join(analyses)),
                reports.isEmpty() ? none() : Html.join(reports),
                gates.isEmpty() ? none() : Html.join(gates),
                table(
                        "approvals",
                        List.of("step", "by", "at", "comment"),
                        d.approvals(),
                        (Approval a) -> List.of(
                                Html.text(a.stepIndex()),
                                Html.text(a.approver().name()),
                                Html.text(a.at()),
                                Html.text(a.comment() == null ? "" : a.comment()))),
                table("notifications", List.of("message"), d.notifications(), (String n) -> List.of(Html.text(n))),
                table(
                        "audit",
                        List.of("#", "at", "action", "by", "reason"),
                        d.audit(),
                        (AuditEntry a) -> List.of(
                                Html.text(a.sequence()),
                                Html.text(a.at()),
                                Html.text(a.action()),
                                Html.text(a.actor()),
                                Html.text(a.reason() == null ? "" : a.reason()))));
        return page(r.version() + " in " + r.environment(), viewer, body, "/api/releases/" + r.id(), "");
    }

    Html history(BoardViews.History h, Viewer viewer) {
        Html dora = table(
                "dora",
                List.of("figure", "value", "band", "target", "status", "from"),
                h.dora().figures(),
                (DoraFigure f) -> List.of(
                        Html.text(f.metric().title()),
                        Html.text(f.value()
                                .map(v -> number(v) + " " + f.metric().unit())
                                .orElse("no data")),
                        Html.format("<span class=\"band\">%s</span>", f.band()),
                        Html.text(f.target()),
                        Html.text(f.targetStatus()),
                        Html.text(f.sampleSize() + " samples")));
        List<DeploymentRecord> shown =
                h.releases().subList(0, Math.min(HISTORY_ROWS, h.releases().size()));
        Html releases = releaseTable("history", shown, r -> h.environment(), r -> null);
        Html body = Html.format(
                "<h1>History of %s in %s</h1><p>since %s · %s releases%s</p><h2>DORA</h2>%s<h2>Releases per day</h2>%s"
                        + "<h2>Releases</h2>%s",
                h.service(),
                h.environment(),
                h.since(),
                h.releases().size(),
                h.releases().size() > shown.size() ? " (the newest " + shown.size() + " listed)" : "",
                dora,
                SvgCharts.deploymentsPerDay(h.releases(), h.since(), h.dora().until()),
                releases);
        return page("History " + h.environment(), viewer, body, "/api/history?environment=" + h.environment(), "");
    }

    Html search(BoardViews.Search s, Viewer viewer) {
        List<DeploymentRecord> records = s.hits().stream().map(Hit::release).toList();
        Map<DeploymentRecord, Hit> byRecord = new java.util.IdentityHashMap<>();
        s.hits().forEach(hit -> byRecord.put(hit.release(), hit));
        Html body = Html.format(
                "<h1>Search: %s</h1><p>%s hits (versions and commit shas of all releases; actors of the newest %s per"
                        + " environment)</p>%s",
                s.query(),
                s.hits().size(),
                BoardReader.ACTOR_SEARCH_DEPTH,
                releaseTable(
                        "search",
                        records,
                        r -> byRecord.get(r).environment(),
                        r -> byRecord.get(r).actor()));
        return page(
                "Search",
                viewer,
                body,
                "/api/search?q=" + java.net.URLEncoder.encode(s.query(), java.nio.charset.StandardCharsets.UTF_8),
                s.query());
    }

    Html message(String title, String text, Viewer viewer) {
        return page(title, viewer, Html.format("<h1>%s</h1><p>%s</p>", title, text), "/api/overview", "");
    }

    private Html releaseTable(
            String id,
            List<DeploymentRecord> records,
            Function<DeploymentRecord, String> environment,
            Function<DeploymentRecord, @Nullable String> actor) {
        return table(
                id,
                List.of("started", "environment", "version", "commit", "strategy", "state", "actor"),
                records,
                (DeploymentRecord r) -> List.of(
                        Html.text(r.startedAt()),
                        Html.text(environment.apply(r)),
                        Html.format("<a href=\"/releases/%s\">%s</a>", r.releaseId(), r.version()),
                        Html.text(r.commitSha() == null ? "" : r.commitSha()),
                        Html.text(r.strategy()),
                        Html.format(
                                "<span class=\"%s\">%s</span>%s",
                                r.state(),
                                r.state(),
                                r.rolledBack() && r.state() != io.releasepilot.core.state.ReleaseState.ROLLED_BACK
                                        ? " (rolled back later)"
                                        : ""),
                        Html.text(actor.apply(r) == null ? "" : actor.apply(r))));
    }

    private Html actions(Release release, Viewer viewer) {
        List<Html> forms = new ArrayList<>();
        for (String op : List.of("pause", "resume", "promote", "abort", "rollback")) {
            if ((op.equals("pause") && release.state() != io.releasepilot.core.state.ReleaseState.IN_PROGRESS)
                    || (op.equals("resume") && release.state() != io.releasepilot.core.state.ReleaseState.PAUSED)) {
                continue;
            }
            forms.add(Html.format(
                    "<form class=\"action\" method=\"post\" action=\"/actions\"><input type=\"hidden\" name=\"release\""
                            + " value=\"%s\"><input type=\"hidden\" name=\"operation\" value=\"%s\"><input type=\"hidden\""
                            + " name=\"csrf\" value=\"%s\"><button type=\"submit\" class=\"%s\" data-action=\"%s\">%s</button></form>",
                    release.id(),
                    op,
                    access.csrfToken(viewer),
                    op.equals("abort") || op.equals("rollback") ? "danger" : "",
                    op,
                    op));
        }
        return Html.join(forms);
    }

    private Html page(String title, Viewer viewer, Html body, String api, String query) {
        List<Html> links = new ArrayList<>();
        for (String environment : environments) {
            links.add(Html.format(" · <a href=\"/history?environment=%s\">%s history</a>", environment, environment));
        }
        return layout.render(Map.of(
                "title", title,
                "service", service,
                "historyLinks", Html.join(links),
                "query", query,
                "user", viewer.name(),
                "role", viewer.operator() ? "operator" : "read-only",
                "api", api,
                "body", body));
    }

    private static <T> Html table(String id, List<String> headers, List<T> rows, Function<T, List<Html>> cells) {
        if (rows.isEmpty()) {
            return none();
        }
        StringBuilder out =
                new StringBuilder("<table id=\"").append(Html.escape(id)).append("\"><thead><tr>");
        headers.forEach(h -> out.append("<th>").append(Html.escape(h)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (T row : rows) {
            out.append("<tr>");
            cells.apply(row).forEach(c -> out.append("<td>").append(c.markup()).append("</td>"));
            out.append("</tr>");
        }
        return Html.trusted(out.append("</tbody></table>").toString());
    }

    private static Html none() {
        return Html.trusted("<p class=\"muted\">none</p>");
    }

    private static Html releaseLink(Release r) {
        return Html.format("<a href=\"/releases/%s\">%s</a>", r.id(), r.version());
    }

    private static Html verdict(@Nullable Verdict verdict) {
        return verdict == null ? Html.EMPTY : Html.format("<span class=\"verdict %s\">%s</span>", verdict, verdict);
    }

    private static String weights(@Nullable TrafficSplit split) {
        return split == null ? "" : split.stable() + "/" + split.canary();
    }

    static String number(@Nullable Double value) {
        if (value == null || !Double.isFinite(value)) {
            return "no data";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e12
                ? String.valueOf(value.longValue())
                : String.format(Locale.ROOT, "%.4g", value);
    }
}
