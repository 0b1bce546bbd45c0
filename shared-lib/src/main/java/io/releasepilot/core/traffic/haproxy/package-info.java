/** HAProxy traffic router over the runtime API. */
@NullMarked
package io.releasepilot.core.traffic.haproxy;

import org.jspecify.annotations.NullMarked;
