package io.releasepilot.core.traffic;

import io.releasepilot.core.InfrastructureException;

/** The load balancer could not be reached, refused a change, or its test/reload command failed. */
public class TrafficRouterException extends InfrastructureException {
    private static final long serialVersionUID = 1L;

    public TrafficRouterException(String message) {
        super(message);
    }

    public TrafficRouterException(String message, Throwable cause) {
        super(message, cause);
    }
}
