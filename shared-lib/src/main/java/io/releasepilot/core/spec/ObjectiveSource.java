package io.releasepilot.core.spec;

import io.releasepilot.core.release.SpecEnum;

/** Where a gate objective takes its value from. Written in lower case in the spec. */
public enum ObjectiveSource implements SpecEnum {
    JUNIT,
    JACOCO,
    SARIF,
    PROMETHEUS,
    PROBE,
    REGRESSION
}
