package io.releasepilot.core.release;

/** What a firing rollback trigger does: WARNING only notifies, CRITICAL rolls back. Written in lower case in the spec. */
public enum Severity implements SpecEnum {
    WARNING,
    CRITICAL
}
