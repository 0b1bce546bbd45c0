/** The traffic-router port and its values; one sub-package per load balancer. */
@NullMarked
package io.releasepilot.core.traffic;

import org.jspecify.annotations.NullMarked;
