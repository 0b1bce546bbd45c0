package io.releasepilot.core.gate;

import io.releasepilot.core.InfrastructureException;

/** A gate source's service (Prometheus, a probed URL) failed in a way that is not simply "no data". */
public class GateSourceException extends InfrastructureException {
    private static final long serialVersionUID = 1L;

    public GateSourceException(String message) {
        super(message);
    }

    public GateSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
