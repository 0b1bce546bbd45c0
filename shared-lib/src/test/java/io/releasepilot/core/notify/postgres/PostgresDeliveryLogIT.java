package io.releasepilot.core.notify.postgres;

import io.releasepilot.core.notify.DeliveryLog;
import io.releasepilot.core.notify.DeliveryLogContractTest;
import io.releasepilot.core.testing.FreshLedger;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The delivery log in a real Postgres (the ledger's schema, migration V6). */
class PostgresDeliveryLogIT extends DeliveryLogContractTest {
    @RegisterExtension
    static final FreshLedger LEDGER = new FreshLedger();

    @Override
    protected DeliveryLog log() {
        return new PostgresDeliveryLog(LEDGER.store().dataSource());
    }
}
