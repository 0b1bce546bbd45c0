package io.releasepilot.core.dora;

/** Whether a figure meets its target; missing data never counts as met. */
public enum TargetStatus {
    MET,
    MISSED,
    NO_DATA
}
