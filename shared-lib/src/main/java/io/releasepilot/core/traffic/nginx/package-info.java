/** NGINX traffic router: rendered upstream file, nginx -t, graceful reload. */
@NullMarked
package io.releasepilot.core.traffic.nginx;

import org.jspecify.annotations.NullMarked;
