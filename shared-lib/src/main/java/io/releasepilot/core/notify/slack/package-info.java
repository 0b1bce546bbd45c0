/** Slack incoming-webhook channel (Block Kit). */
@NullMarked
package io.releasepilot.core.notify.slack;

import org.jspecify.annotations.NullMarked;
