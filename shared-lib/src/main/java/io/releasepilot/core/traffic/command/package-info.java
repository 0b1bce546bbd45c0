/** Traffic router that runs the user's own program for any other load balancer. */
@NullMarked
package io.releasepilot.core.traffic.command;

import org.jspecify.annotations.NullMarked;
