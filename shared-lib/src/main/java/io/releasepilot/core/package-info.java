/** Release Pilot core: every release decision, independent of any CI host. */
@NullMarked
package io.releasepilot.core;

import org.jspecify.annotations.NullMarked;
