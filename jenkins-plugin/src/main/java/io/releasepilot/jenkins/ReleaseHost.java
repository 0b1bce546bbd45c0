package io.releasepilot.jenkins;

import hudson.model.Run;
import java.io.IOException;

/**
 * What the steps need from the Jenkins instance beyond their step context: the operations (with this run's
 * credentials) and absolute URLs. {@link JenkinsReleaseHost} is Jenkins; a host may put its own instance into the step
 * context (the glue tests' fake host does), which the steps prefer.
 */
public interface ReleaseHost {
    ReleaseOperations operations(Run<?, ?> run) throws IOException;

    String absoluteUrl(String relativeUrl);

    /** The spec path used when a step names none (global configuration; {@code release-pilot.yml} by default). */
    String defaultSpecPath();
}
