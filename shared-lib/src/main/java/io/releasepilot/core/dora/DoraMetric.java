package io.releasepilot.core.dora;

/** The four DORA key metrics. */
public enum DoraMetric {
    DEPLOYMENT_FREQUENCY("Deployment frequency", "deployments/day"),
    LEAD_TIME("Lead time for changes", "hours"),
    CHANGE_FAILURE_RATE("Change failure rate", "%"),
    TIME_TO_RESTORE("Time to restore service", "minutes");

    private final String title;
    private final String unit;

    DoraMetric(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    /** Human-readable name. */
    public String title() {
        return title;
    }

    /** Unit of {@link DoraFigure#value()}. */
    public String unit() {
        return unit;
    }
}
