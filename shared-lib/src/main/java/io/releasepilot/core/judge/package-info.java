/** The canary judge: canary samples compared with baseline samples, pure functions with explained output. */
@NullMarked
package io.releasepilot.core.judge;

import org.jspecify.annotations.NullMarked;
