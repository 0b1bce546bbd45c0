package io.releasepilot.cli.dashboard;

import io.releasepilot.cli.dashboard.BoardViews.Traffic;
import io.releasepilot.core.state.DeploymentRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Charts drawn as inline SVG on the server: no script, no library, nothing fetched. */
final class SvgCharts {
    private static final int WIDTH = 480;
    private static final int HEIGHT = 120;
    private static final int PAD = 24;

    private SvgCharts() {}

    /** The canary weight of each traffic change: asked for (solid) and read back from the router (dashed). */
    static Html weights(List<Traffic> traffic) {
        if (traffic.isEmpty()) {
            return Html.trusted("<p class=\"muted\">no traffic change recorded</p>");
        }
        StringBuilder desired = new StringBuilder();
        StringBuilder readBack = new StringBuilder();
        int n = traffic.size();
        for (int i = 0; i < n; i++) {
            double x = PAD + (n == 1 ? 0 : (WIDTH - 2.0 * PAD) * i / (n - 1));
            Traffic t = traffic.get(i);
            desired.append(point(x, t.desired().canary()));
            if (t.readBack() != null) {
                readBack.append(point(x, t.readBack().canary()));
            }
        }
        // Only numbers go in: the points are formatted here from integers.
        return Html.trusted(String.format(
                Locale.ROOT,
                "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">"
                        + "<title>canary weight per traffic change</title>"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>"
                        + "<text x=\"2\" y=\"%d\" class=\"tick\">100%%</text><text x=\"2\" y=\"%d\" class=\"tick\">0%%</text>"
                        + "<polyline class=\"desired\" points=\"%s\"/><polyline class=\"readback\" points=\"%s\"/></svg>",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT,
                PAD,
                HEIGHT - PAD,
                WIDTH - PAD,
                HEIGHT - PAD,
                PAD,
                HEIGHT - PAD,
                desired.toString().strip(),
                readBack.toString().strip()));
    }

    /** Releases started per day over the window; days with a rolled-back release are drawn as failures. */
    static Html deploymentsPerDay(List<DeploymentRecord> releases, Instant since, Instant until) {
        int days = (int) Math.max(1, Math.min(90, Duration.between(since, until).toDays() + 1));
        int[] all = new int[days];
        int[] failed = new int[days];
        for (DeploymentRecord r : releases) {
            int day = (int) Duration.between(since, r.startedAt()).toDays();
            if (day >= 0 && day < days) {
                all[day]++;
                if (r.rolledBack()) {
                    failed[day]++;
                }
            }
        }
        int max = 1;
        for (int count : all) {
            max = Math.max(max, count);
        }
        double bar = (WIDTH - 2.0 * PAD) / days;
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">"
                        + "<title>releases per day (max %d)</title>",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT,
                max));
        for (int d = 0; d < days; d++) {
            double h = (HEIGHT - 2.0 * PAD) * all[d] / max;
            double hf = (HEIGHT - 2.0 * PAD) * failed[d] / max;
            double x = PAD + d * bar;
            out.append(rect("ok", x, HEIGHT - PAD - h, bar * 0.8, h - hf));
            if (failed[d] > 0) {
                out.append(rect("failed", x, HEIGHT - PAD - hf, bar * 0.8, hf));
            }
        }
        out.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\" class=\"tick\">%d</text></svg>", PAD, max));
        return Html.trusted(out.toString());
    }

    private static String point(double x, int percent) {
        double y = HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * percent / 100.0;
        return String.format(Locale.ROOT, "%.1f,%.1f ", x, y);
    }

    private static String rect(String css, double x, double y, double w, double h) {
        return String.format(
                Locale.ROOT,
                "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                css,
                x,
                y,
                w,
                Math.max(0, h));
    }
}
