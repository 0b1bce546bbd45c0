/** Ticket channel: an HTTP request rendered from a template (Jira Service Management's create-request is the example). */
@NullMarked
package io.releasepilot.core.notify.ticket;

import org.jspecify.annotations.NullMarked;
