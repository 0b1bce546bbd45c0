package io.releasepilot.jenkins;

import hudson.ExtensionPoint;
import hudson.model.Run;

/**
 * Replaces the core-backed {@link ReleaseOperations} for every build when registered as an {@code @Extension}: for
 * embedders, and for the JenkinsRule tests of the jenkins-repo profile ({@code @TestExtension}).
 */
public interface ReleaseOperationsFactory extends ExtensionPoint {
    ReleaseOperations create(Run<?, ?> run);
}
