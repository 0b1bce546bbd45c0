/** Gate source over SARIF 2.1.0 static-analysis logs. */
@NullMarked
package io.releasepilot.core.gate.sarif;

import org.jspecify.annotations.NullMarked;
