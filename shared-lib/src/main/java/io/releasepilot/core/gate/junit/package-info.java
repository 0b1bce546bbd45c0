/** Gate source over JUnit XML test reports (Surefire, Gradle, pytest, jest-junit and similar). */
@NullMarked
package io.releasepilot.core.gate.junit;

import org.jspecify.annotations.NullMarked;
