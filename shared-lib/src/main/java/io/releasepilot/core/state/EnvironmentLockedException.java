package io.releasepilot.core.state;

import io.releasepilot.core.ReleasePilotException;

/**
 * Another release of the same service holds the environment lock. The message names the holder (release id, version,
 * actor, CI run, since when) and the way out: wait for it, or take over a crashed holder's lock explicitly.
 */
public class EnvironmentLockedException extends ReleasePilotException {
    private static final long serialVersionUID = 1L;

    private final transient LockHolder holder;

    public EnvironmentLockedException(String service, String environment, LockHolder holder) {
        super("environment '" + environment + "' of service '" + service + "' is locked by " + holder.describe()
                + "; wait for it to finish, or if its run crashed take the lock over explicitly (--takeover)");
        this.holder = holder;
    }

    public LockHolder holder() {
        return holder;
    }
}
