/** The Alertmanager adapter: acts on webhook notifications as {@link io.releasepilot.core.rollout.AlertDecider} decides, rolling back through the one rollback path. */
@NullMarked
package io.releasepilot.core.rollout.alert;

import org.jspecify.annotations.NullMarked;
