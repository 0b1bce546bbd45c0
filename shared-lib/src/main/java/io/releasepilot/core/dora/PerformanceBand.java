package io.releasepilot.core.dora;

/** DORA performance clusters (Accelerate State of DevOps 2023), plus NO_DATA when there is nothing to rate. */
public enum PerformanceBand {
    ELITE,
    HIGH,
    MEDIUM,
    LOW,
    NO_DATA
}
