/** Gate source over JaCoCo XML coverage reports. */
@NullMarked
package io.releasepilot.core.gate.jacoco;

import org.jspecify.annotations.NullMarked;
