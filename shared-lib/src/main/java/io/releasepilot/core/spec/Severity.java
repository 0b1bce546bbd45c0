package io.releasepilot.core.spec;

/** What a rollback trigger does when it fires: WARNING notifies, CRITICAL rolls back. Written in lower case in the spec. */
public enum Severity implements SpecEnum {
    WARNING,
    CRITICAL
}
