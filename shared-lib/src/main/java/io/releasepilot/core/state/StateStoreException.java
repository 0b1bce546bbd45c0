package io.releasepilot.core.state;

import io.releasepilot.core.InfrastructureException;

/** The ledger's database was unreachable or failed; the message names the database and the setting to check. */
public class StateStoreException extends InfrastructureException {
    private static final long serialVersionUID = 1L;

    public StateStoreException(String message) {
        super(message);
    }

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
