package io.releasepilot.core.dora;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** Renders a {@link DoraReport} as text, JSON or Markdown. Missing figures read "no data", never 0. */
public final class DoraReportRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Plain text for a terminal. */
    public String text(DoraReport report) {
        StringBuilder out = new StringBuilder();
        out.append("DORA metrics for ")
                .append(report.service())
                .append(" in ")
                .append(report.environment())
                .append(", ")
                .append(report.since())
                .append(" .. ")
                .append(report.until())
                .append(" (")
                .append(report.deployments())
                .append(" deployments)\n");
        for (DoraFigure figure : report.figures()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-26s %-22s target %-12s %-8s band %-8s %s%n",
                    figure.metric().title(),
                    value(figure),
                    figure.target(),
                    figure.targetStatus(),
                    figure.band(),
                    figure.source()));
        }
        return out.toString();
    }

    /** Markdown table for job summaries and PR comments. */
    public String markdown(DoraReport report) {
        StringBuilder out = new StringBuilder();
        out.append("### DORA metrics: ")
                .append(report.service())
                .append(" / ")
                .append(report.environment())
                .append("\n\n")
                .append(report.since())
                .append(" to ")
                .append(report.until())
                .append(", ")
                .append(report.deployments())
                .append(" deployments\n\n")
                .append("| Metric | Value | Target | Status | DORA band | Source |\n")
                .append("|---|---|---|---|---|---|\n");
        for (DoraFigure figure : report.figures()) {
            out.append("| ")
                    .append(figure.metric().title())
                    .append(" | ")
                    .append(value(figure))
                    .append(" | ")
                    .append(figure.target())
                    .append(" | ")
                    .append(figure.targetStatus())
                    .append(" | ")
                    .append(figure.band())
                    .append(" | ")
                    .append(figure.source())
                    .append(" |\n");
        }
        return out.toString();
    }

    /** JSON: the report with one object per figure; a missing value is {@code null} with band NO_DATA. */
    public String json(DoraReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("service", report.service());
        root.put("environment", report.environment());
        root.put("since", report.since().toString());
        root.put("until", report.until().toString());
        root.put("deployments", report.deployments());
        ArrayNode figures = root.putArray("figures");
        for (DoraFigure figure : report.figures()) {
            ObjectNode node = figures.addObject();
            node.put("metric", figure.metric().name());
            node.put("title", figure.metric().title());
            node.put("unit", figure.metric().unit());
            if (figure.value().isPresent()) {
                node.put("value", round(figure.value().get()));
            } else {
                node.putNull("value");
            }
            figure.p90().ifPresent(p90 -> node.put("p90", round(p90)));
            node.put("sampleSize", figure.sampleSize());
            node.put("target", figure.target());
            node.put("targetStatus", figure.targetStatus().name());
            node.put("band", figure.band().name());
            node.put("source", figure.source());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the DORA report as JSON: " + e.getMessage(), e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String value(DoraFigure figure) {
        if (figure.value().isEmpty()) {
            return "no data";
        }
        String text = DoraEvaluator.format(figure.value().get()) + " "
                + figure.metric().unit();
        if (figure.p90().isPresent()) {
            text += " (p90 " + DoraEvaluator.format(figure.p90().get()) + ")";
        }
        return text;
    }
}
