package io.releasepilot.core.dora;

import java.time.Instant;
import java.util.List;

/**
 * The four DORA figures for one service and environment over a window.
 *
 * @param service the service, or {@code *} for all
 * @param environment the environment, or {@code *} for all
 * @param since window start (inclusive)
 * @param until window end (inclusive)
 * @param deployments number of deployments in the window
 * @param figures the four figures, in {@link DoraMetric} order
 */
public record DoraReport(
        String service, String environment, Instant since, Instant until, int deployments, List<DoraFigure> figures) {
    public DoraReport {
        figures = List.copyOf(figures);
    }

    /** The figure of one metric. */
    public DoraFigure figure(DoraMetric metric) {
        return figures.stream()
                .filter(f -> f.metric() == metric)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("report has no " + metric));
    }
}
