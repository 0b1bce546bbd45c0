/** NATS JetStream adapter of the event publisher and subscriber. */
@NullMarked
package io.releasepilot.core.events.nats;

import org.jspecify.annotations.NullMarked;
