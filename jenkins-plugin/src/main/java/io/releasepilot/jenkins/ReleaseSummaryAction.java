package io.releasepilot.jenkins;

import hudson.model.Action;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The Release Pilot section of the build page ({@code summary.jelly}): each report a step produced, as escaped
 * preformatted text. Persisted with the build; fields are JDK types only (JEP-200).
 */
public final class ReleaseSummaryAction implements Action, Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> titles;
    private final ArrayList<String> reports;

    private ReleaseSummaryAction(List<String> titles, List<String> reports) {
        this.titles = new ArrayList<>(titles);
        this.reports = new ArrayList<>(reports);
    }

    /** A new action holding the previous sections (a build may gate, then release) plus this one. */
    static ReleaseSummaryAction append(ReleaseSummaryAction previous, String title, String report) {
        List<String> t = previous == null ? new ArrayList<>() : new ArrayList<>(previous.titles);
        List<String> r = previous == null ? new ArrayList<>() : new ArrayList<>(previous.reports);
        t.add(title);
        r.add(report);
        return new ReleaseSummaryAction(t, r);
    }

    /** Title/report pairs for summary.jelly. */
    public List<String[]> getSections() {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            out.add(new String[] {titles.get(i), reports.get(i)});
        }
        return out;
    }

    public List<String> getTitles() {
        return List.copyOf(titles);
    }

    public List<String> getReports() {
        return List.copyOf(reports);
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Release Pilot";
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
