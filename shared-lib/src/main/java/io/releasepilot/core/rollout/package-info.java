/** Rollout strategies (blue-green cutover, canary promotion, rollback triggers): pure deciders and the engine that applies their decisions. */
@NullMarked
package io.releasepilot.core.rollout;

import org.jspecify.annotations.NullMarked;
