/** The notifier: takes release events from the outbox or NATS, records one delivery per channel, delivers with retries. */
@NullMarked
package io.releasepilot.core.notify.engine;

import org.jspecify.annotations.NullMarked;
