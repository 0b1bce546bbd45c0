/**
 * Process hygiene, the one contract every program a release starts goes through (hooks, the command router, NGINX
 * test and reload): a scrubbed environment, output bounded and masked, the whole process tree stopped on timeout and
 * interrupt. The root holds the values and the {@link io.releasepilot.core.process.ProcessLauncher} port; each place
 * that can run a program (this JVM, a Jenkins agent) is an adapter.
 */
@NullMarked
package io.releasepilot.core.process;

import org.jspecify.annotations.NullMarked;
