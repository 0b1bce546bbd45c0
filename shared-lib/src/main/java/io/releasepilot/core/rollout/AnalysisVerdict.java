package io.releasepilot.core.rollout;

/**
 * The latest analysis of a step (gates and canary judge combined by the engine). INCONCLUSIVE is never progress:
 * missing data is not a pass.
 */
public enum AnalysisVerdict {
    PASS,
    WARNING,
    FAIL,
    INCONCLUSIVE
}
