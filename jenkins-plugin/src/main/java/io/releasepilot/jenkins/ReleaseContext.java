package io.releasepilot.jenkins;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who released from which build: recorded with every ledger entry a step writes.
 *
 * @param buildId Jenkins' externalizable id, {@code <job full name>#<number>}
 * @param buildUrl absolute URL of the build, or the relative one when Jenkins has no root URL configured
 * @param actor the user who started the build, or {@code "jenkins"} for timer/SCM triggers
 */
public record ReleaseContext(String buildId, String buildUrl, String actor) implements Serializable {
    public ReleaseContext {
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(buildUrl, "buildUrl");
        Objects.requireNonNull(actor, "actor");
    }
}
