/** The release spec (release-pilot.yml): its records, defaults and the reader that reports every problem at once. */
@NullMarked
package io.releasepilot.core.spec;

import org.jspecify.annotations.NullMarked;
