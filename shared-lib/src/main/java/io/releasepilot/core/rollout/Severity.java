package io.releasepilot.core.rollout;

/** What a firing rollback trigger does: CRITICAL rolls back, WARNING only notifies. */
public enum Severity {
    CRITICAL,
    WARNING
}
