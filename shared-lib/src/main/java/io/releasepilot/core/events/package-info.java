/** Release events, the publisher port and the transactional outbox relay. */
@NullMarked
package io.releasepilot.core.events;

import org.jspecify.annotations.NullMarked;
