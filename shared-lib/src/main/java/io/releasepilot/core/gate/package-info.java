/** Quality gates: objectives, thresholds, the pure gate evaluator and the report-source port. */
@NullMarked
package io.releasepilot.core.gate;

import org.jspecify.annotations.NullMarked;
