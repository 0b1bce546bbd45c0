/** Gate source comparing a metric against a baseline from a file or the ledger. */
@NullMarked
package io.releasepilot.core.gate.regression;

import org.jspecify.annotations.NullMarked;
