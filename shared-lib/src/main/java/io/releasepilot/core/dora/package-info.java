/** DORA metrics computed from the release ledger. */
@NullMarked
package io.releasepilot.core.dora;

import org.jspecify.annotations.NullMarked;
