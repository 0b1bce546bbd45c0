/** Runs programs as children of this JVM. */
@NullMarked
package io.releasepilot.core.process.local;

import org.jspecify.annotations.NullMarked;
