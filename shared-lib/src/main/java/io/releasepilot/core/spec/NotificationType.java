package io.releasepilot.core.spec;

import io.releasepilot.core.release.SpecEnum;

/**
 * How a notification target is reached: a generic webhook (CloudEvents JSON, HMAC-signed), a Slack incoming webhook, email
 * over SMTP, the PagerDuty Events API v2, or a ticket created through an HTTP template. Written in lower case.
 */
public enum NotificationType implements SpecEnum {
    WEBHOOK,
    SLACK,
    EMAIL,
    PAGERDUTY,
    TICKET
}
