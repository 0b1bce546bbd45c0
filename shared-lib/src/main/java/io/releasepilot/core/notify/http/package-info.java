/** JSON over HTTP for the channels that post to an HTTP API, with the status codes mapped to delivery outcomes. */
@NullMarked
package io.releasepilot.core.notify.http;

import org.jspecify.annotations.NullMarked;
