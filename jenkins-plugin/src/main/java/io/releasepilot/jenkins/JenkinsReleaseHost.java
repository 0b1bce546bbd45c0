package io.releasepilot.jenkins;

import hudson.model.Run;
import java.io.IOException;

/** The running Jenkins as a {@link ReleaseHost}. */
final class JenkinsReleaseHost implements ReleaseHost {
    static final ReleaseHost INSTANCE = new JenkinsReleaseHost();

    private JenkinsReleaseHost() {}

    @Override
    public ReleaseOperations operations(Run<?, ?> run) throws IOException {
        return JenkinsFacade.operations(run);
    }

    @Override
    public String absoluteUrl(String relativeUrl) {
        return JenkinsFacade.absoluteUrl(relativeUrl);
    }

    @Override
    public String defaultSpecPath() {
        return JenkinsFacade.configuration().getDefaultSpecPath();
    }
}
