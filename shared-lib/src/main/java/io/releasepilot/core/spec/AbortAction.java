package io.releasepilot.core.spec;

/** What an aborted pipeline does with a release in progress. Written in lower case in the spec. */
public enum AbortAction implements SpecEnum {
    ROLLBACK,
    LEAVE
}
