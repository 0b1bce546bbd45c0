package io.releasepilot.jenkins;

import hudson.model.Run;
import java.io.IOException;
import java.util.Map;

/**
 * What the steps need from the Jenkins instance beyond their step context: the operations (with this run's
 * credentials), who may act, and absolute URLs. {@link JenkinsReleaseHost} is Jenkins; a host may put its own instance
 * into the step context (the glue tests' fake host does), which the steps prefer.
 */
public interface ReleaseHost {
    /**
     * The operations for this run; they are sent to the agent holding the workspace and run there.
     *
     * @param buildVariables the build's environment as the step sees it (e.g. what {@code withCredentials} bound): the
     *     only place the secrets a spec names by variable come from
     */
    ReleaseOperations operations(Run<?, ?> run, Map<String, String> buildVariables) throws IOException;

    /** The administrator's release rules (global configuration): which jobs may act where. */
    ReleaseAuthorization authorization();

    String absoluteUrl(String relativeUrl);

    /** The spec path used when a step names none (global configuration; {@code release-pilot.yml} by default). */
    String defaultSpecPath();
}
