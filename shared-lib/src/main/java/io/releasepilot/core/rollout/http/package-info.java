/** The {@link io.releasepilot.core.rollout.ReleaseSignals} adapter over HTTP: Prometheus queries and health probes. */
@NullMarked
package io.releasepilot.core.rollout.http;

import org.jspecify.annotations.NullMarked;
