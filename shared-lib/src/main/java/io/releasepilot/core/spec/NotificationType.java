package io.releasepilot.core.spec;

import io.releasepilot.core.release.SpecEnum;

/** How a notification target is reached. Written in lower case in the spec. */
public enum NotificationType implements SpecEnum {
    WEBHOOK
}
