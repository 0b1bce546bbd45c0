package io.releasepilot.core.spec;

/** How a release moves traffic: canary steps or a blue-green switch. Written in lower case in the spec. */
public enum StrategyType implements SpecEnum {
    CANARY,
    BLUE_GREEN
}
