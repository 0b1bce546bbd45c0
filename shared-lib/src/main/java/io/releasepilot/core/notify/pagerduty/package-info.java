/** PagerDuty Events API v2 channel: alert events (trigger, resolve) and change events. */
@NullMarked
package io.releasepilot.core.notify.pagerduty;

import org.jspecify.annotations.NullMarked;
