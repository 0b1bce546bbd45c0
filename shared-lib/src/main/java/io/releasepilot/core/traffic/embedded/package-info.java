/**
 * An in-process weighted HTTP proxy with an admin endpoint, and the router that drives it: for the demo on machines
 * without HAProxy or NGINX, and for tests that need a balancer without a binary.
 */
@NullMarked
package io.releasepilot.core.traffic.embedded;

import org.jspecify.annotations.NullMarked;
