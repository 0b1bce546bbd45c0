/**
 * Notifications: what a release event means for people ({@link io.releasepilot.core.notify.NotificationComposer}),
 * who receives it ({@link io.releasepilot.core.notify.NotificationRouter}), the channel port and the delivery log port.
 * Pure: the notifier ({@code notify.engine}) and the channel adapters (one sub-package per provider) do the I/O.
 */
@NullMarked
package io.releasepilot.core.notify;

import org.jspecify.annotations.NullMarked;
