package io.releasepilot.jenkins;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * Where the core's services are, with secrets resolved from Jenkins Credentials at use time. Never persisted, never
 * logged: {@link #toString} redacts the secrets. Serializable only to reach the agent that runs the release (over the
 * remoting channel, like {@code withCredentials} bindings).
 */
record ConnectionSettings(
        @Nullable String databaseUrl,
        @Nullable String databaseUser,
        @Nullable String databasePassword,
        @Nullable String natsUrl,
        @Nullable String natsToken,
        @Nullable String prometheusUrl)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "ConnectionSettings[databaseUrl=" + databaseUrl + ", databaseUser=" + databaseUser
                + ", databasePassword=" + (databasePassword == null ? "none" : "****") + ", natsUrl=" + natsUrl
                + ", natsToken=" + (natsToken == null ? "none" : "****") + ", prometheusUrl=" + prometheusUrl + "]";
    }
}
