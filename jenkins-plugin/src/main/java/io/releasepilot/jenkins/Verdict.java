package io.releasepilot.jenkins;

/** A gate verdict as the plugin sees it; the core's verdicts map one to one (PASS, WARNING, FAIL, INCONCLUSIVE). */
public enum Verdict {
    PASS,
    WARNING,
    FAIL,
    INCONCLUSIVE
}
