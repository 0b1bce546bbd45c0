package io.releasepilot.cli;

/**
 * Alertmanager webhook bodies (payload version 4) for service {@code sample} in {@code production}. Their alerts start
 * after any release a test starts (an alert older than the release is only recorded, never rolls it back) and at a
 * fixed instant, so a repeated webhook carries the same alert keys.
 */
final class AlertsFixture {
    private AlertsFixture() {}

    static String webhook(String groupKey, String status, String alertname) {
        return "{\"version\":\"4\",\"groupKey\":\"" + groupKey + "\",\"truncatedAlerts\":0,\"status\":\"" + status
                + "\",\"receiver\":\"rp\",\"groupLabels\":{\"alertname\":\"" + alertname + "\"},"
                + "\"commonLabels\":{\"service\":\"sample\",\"environment\":\"production\"},"
                + "\"commonAnnotations\":{},\"externalURL\":\"http://am\",\"alerts\":[{\"status\":\"" + status
                + "\",\"labels\":{\"alertname\":\"" + alertname + "\",\"severity\":\"critical\"},"
                + "\"annotations\":{\"summary\":\"error rate 3 %\"},\"startsAt\":\"2099-01-01T00:00:00Z\","
                + "\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prom\",\"fingerprint\":\"f-"
                + groupKey + "\"}]}";
    }
}
