/** JGit adapter of {@link io.releasepilot.core.version.CommitHistory}: reads and tags a repository without git. */
@NullMarked
package io.releasepilot.core.version.git;

import org.jspecify.annotations.NullMarked;
