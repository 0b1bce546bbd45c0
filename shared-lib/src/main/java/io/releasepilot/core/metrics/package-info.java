/** Release Pilot's own Micrometer telemetry (not gate inputs: those live in gate sources). */
@NullMarked
package io.releasepilot.core.metrics;

import org.jspecify.annotations.NullMarked;
