package io.releasepilot.core.spec;

import io.releasepilot.core.release.SpecEnum;

/** Release events a notification target can subscribe to. Written in lower case in the spec. */
public enum NotificationEvent implements SpecEnum {
    STARTED,
    PROMOTED,
    COMPLETED,
    ROLLBACK,
    GATE_FAILED,
    WARNING,
    ABORTED
}
