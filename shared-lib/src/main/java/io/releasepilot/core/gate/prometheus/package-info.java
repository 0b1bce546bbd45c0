/** Gate source over the Prometheus HTTP query API. */
@NullMarked
package io.releasepilot.core.gate.prometheus;

import org.jspecify.annotations.NullMarked;
