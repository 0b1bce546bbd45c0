/** Gate source that probes an HTTP health endpoint. */
@NullMarked
package io.releasepilot.core.gate.probe;

import org.jspecify.annotations.NullMarked;
