/** The imperative shell that runs a release: opens it (lock, takeover, resume), reconciles the router with the ledger, measures, asks the pure deciders of {@code rollout} and applies their effects through the ports; hooks run here. */
@NullMarked
package io.releasepilot.core.rollout.engine;

import org.jspecify.annotations.NullMarked;
