/** The pieces of {@code release-pilot demo}: local backends, a load generator, HAProxy or the embedded proxy. */
package io.releasepilot.cli.demo;
