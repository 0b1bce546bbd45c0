package io.releasepilot.core.events;

import java.util.Locale;

/**
 * The closed set of release events. Each has one token used both in the CloudEvents type ({@code
 * io.releasepilot.<token>}) and as the last token of the NATS subject.
 */
public enum EventType {
    RELEASE_STARTED,
    STEP_RECORDED,
    PROGRESS_UPDATED,
    RELEASE_PAUSED,
    RELEASE_RESUMED,
    RELEASE_PROMOTED,
    ABORT_REQUESTED,
    GATE_BYPASSED,
    STEP_APPROVED,
    ROLLBACK_REQUESTED,
    LOCK_TAKEN_OVER,
    RELEASE_SUCCEEDED,
    RELEASE_ROLLED_BACK,
    RELEASE_FAILED,
    RELEASE_ABORTED;

    /** {@code release-started}: lower case with dashes, a valid NATS subject token. */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code io.releasepilot.release-started}. */
    public String cloudEventType() {
        return ReleaseEvent.TYPE_PREFIX + token();
    }

    /** The event type of a CloudEvents {@code type} attribute; InvalidInputException-free lookup for readers. */
    public static EventType fromCloudEventType(String type) {
        for (EventType candidate : values()) {
            if (candidate.cloudEventType().equals(type)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown release event type '" + type + "'");
    }
}
