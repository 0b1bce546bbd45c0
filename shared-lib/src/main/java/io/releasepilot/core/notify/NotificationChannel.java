package io.releasepilot.core.notify;

/**
 * Port: one configured target (a webhook, a Slack channel, a mailbox, a PagerDuty service, a ticket queue). Sends one
 * notification and says how it went; never throws for a provider failure (that is an outcome), and gives up after its
 * own timeout so a slow provider holds up only its own deliveries.
 */
public interface NotificationChannel {

    /** The target's name in the spec; part of every delivery's dedup key. */
    String name();

    /**
     * Sends {@code notification}. {@code deliveryKey} is stable across retries of the same delivery (event id and
     * channel), so providers that deduplicate (PagerDuty's dedup_key, a webhook receiver reading the id) can drop a
     * resend after a crash.
     */
    DeliveryOutcome send(Notification notification, String deliveryKey);
}
