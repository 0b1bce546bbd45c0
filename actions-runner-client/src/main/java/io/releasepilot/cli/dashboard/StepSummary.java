package io.releasepilot.cli.dashboard;

import io.releasepilot.core.state.StepDetail;

/** One line about a ledger step, as the release timeline shows it. */
final class StepSummary {
    private StepSummary() {}

    static String of(StepDetail detail) {
        if (detail instanceof StepDetail.TrafficIntent t) {
            return "about to set " + t.weights() + ": " + t.reason();
        } else if (detail instanceof StepDetail.TrafficApplied t) {
            return t.router() + " now " + t.weights() + (t.readBack() == null ? "" : ", read back " + t.readBack())
                    + ": " + t.reason();
        } else if (detail instanceof StepDetail.Analysis a) {
            return "analysis of " + a.version() + ": " + a.values().keySet() + " → " + a.verdict();
        } else if (detail instanceof StepDetail.HealthCheck h) {
            return h.consecutiveFailures() + " failed health checks in a row";
        } else if (detail instanceof StepDetail.Gate g) {
            return "gate " + g.verdict() + ": " + g.reason();
        } else if (detail instanceof StepDetail.Phase p) {
            return "phase " + p.phase() + ": " + p.reason();
        } else if (detail instanceof StepDetail.Hook h) {
            return "hook " + h.name() + (h.succeeded() ? " succeeded" : " failed") + ": " + h.output();
        } else if (detail instanceof StepDetail.SmokeChecks s) {
            return s.checks().size() + " smoke checks " + (s.succeeded() ? "passed" : "failed");
        } else if (detail instanceof StepDetail.Reconciled r) {
            return "router found at " + r.found() + ", re-applied " + r.applied();
        } else if (detail instanceof StepDetail.Resumed r) {
            return "resumed by " + r.by() + (r.takeover() ? " (takeover)" : "");
        } else if (detail instanceof StepDetail.Notice n) {
            return n.message();
        } else if (detail instanceof StepDetail.NoSignal n) {
            return n.reason() + " (" + n.hint() + ")";
        } else if (detail instanceof StepDetail.RollbackStarted r) {
            return "rollback by " + r.actor() + ": " + r.reason();
        } else if (detail instanceof StepDetail.HostNote h) {
            return h.event() + " " + h.run() + " " + h.runUrl() + (h.result() == null ? "" : " " + h.result());
        } else if (detail instanceof StepDetail.Unrecognised u) {
            return u.json();
        }
        return detail.event();
    }
}
