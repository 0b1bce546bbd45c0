package io.releasepilot.core;

/**
 * A service Release Pilot depends on (Postgres, NATS, a load balancer, Prometheus, GitHub) was unreachable or failed.
 * Adapters wrap their checked exceptions in a subclass named after their port, with a message naming the service and
 * the setting to check.
 */
public class InfrastructureException extends ReleasePilotException {
    private static final long serialVersionUID = 1L;

    public InfrastructureException(String message) {
        super(message);
    }

    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }
}
