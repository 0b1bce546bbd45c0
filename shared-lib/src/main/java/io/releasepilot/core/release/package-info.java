/**
 * The release vocabulary every capability and both front-ends share: how a value is compared with a threshold, what
 * a verdict is, how severe a trigger is, which change of a metric is bad, how a release moves traffic, and the unit a
 * threshold was written in. Pure values: no I/O, and no dependency on any other capability package.
 */
@NullMarked
package io.releasepilot.core.release;

import org.jspecify.annotations.NullMarked;
