package io.releasepilot.core.state;

/** Who-did-what entries of the audit trail. */
public enum AuditAction {
    START,
    PROMOTE,
    PAUSE,
    RESUME,
    ABORT,
    BYPASS,
    APPROVE,
    ROLLBACK,
    TAKEOVER,
    FINISH
}
