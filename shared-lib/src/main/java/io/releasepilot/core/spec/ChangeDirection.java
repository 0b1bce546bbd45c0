package io.releasepilot.core.spec;

/** Which change of a judged metric counts against the canary. Written in lower case in the spec. */
public enum ChangeDirection implements SpecEnum {
    INCREASE,
    DECREASE,
    EITHER
}
