package io.releasepilot.core.release;

/** Which change of a judged metric counts against the canary. Written in lower case in the spec. */
public enum Direction implements SpecEnum {
    /** Higher is worse: latency, error rate. */
    INCREASE,
    /** Lower is worse: throughput, success rate. */
    DECREASE,
    /** Any significant change is bad. */
    EITHER
}
