/** The delivery log in the ledger's Postgres database (table notification_deliveries, migration V6). */
@NullMarked
package io.releasepilot.core.notify.postgres;

import org.jspecify.annotations.NullMarked;
