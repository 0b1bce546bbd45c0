/** Semantic versions and changelogs from Conventional Commits. */
@NullMarked
package io.releasepilot.core.version;

import org.jspecify.annotations.NullMarked;
