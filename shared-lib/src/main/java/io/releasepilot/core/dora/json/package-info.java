/** A {@link io.releasepilot.core.dora.DeploymentHistory} read from a JSON file, for offline use and tests. */
@NullMarked
package io.releasepilot.core.dora.json;

import org.jspecify.annotations.NullMarked;
