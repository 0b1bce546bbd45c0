/** The release ledger port: releases, steps, approvals, audit trail, environment locks. */
@NullMarked
package io.releasepilot.core.state;

import org.jspecify.annotations.NullMarked;
