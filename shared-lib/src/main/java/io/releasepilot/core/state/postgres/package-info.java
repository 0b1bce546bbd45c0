/** Postgres adapter of the release ledger (JDBC, HikariCP, Flyway). */
@NullMarked
package io.releasepilot.core.state.postgres;

import org.jspecify.annotations.NullMarked;
