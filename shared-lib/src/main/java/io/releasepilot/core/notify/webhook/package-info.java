/** Generic webhook channel: CloudEvents JSON signed with HMAC-SHA256. */
@NullMarked
package io.releasepilot.core.notify.webhook;

import org.jspecify.annotations.NullMarked;
