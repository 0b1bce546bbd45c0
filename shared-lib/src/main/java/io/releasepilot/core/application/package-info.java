/**
 * The release use cases, each built from a spec, an environment and the ports: start or continue a canary or
 * blue-green release, run a gate (recorded, with an audited bypass), promote/pause/resume/abort, roll back by hand,
 * show the status. The CLI, the Jenkins plugin and the demo call these and add only their host's glue; this is the one
 * place that wires the ports into a {@link io.releasepilot.core.rollout.engine.ReleaseEngine}.
 */
@NullMarked
package io.releasepilot.core.application;

import org.jspecify.annotations.NullMarked;
