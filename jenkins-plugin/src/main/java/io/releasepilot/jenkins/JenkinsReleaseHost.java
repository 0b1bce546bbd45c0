package io.releasepilot.jenkins;

import hudson.model.Run;
import java.io.IOException;
import java.util.Map;

/** The running Jenkins as a {@link ReleaseHost}. */
final class JenkinsReleaseHost implements ReleaseHost {
    static final ReleaseHost INSTANCE = new JenkinsReleaseHost();

    private JenkinsReleaseHost() {}

    @Override
    public ReleaseOperations operations(Run<?, ?> run, Map<String, String> buildVariables) throws IOException {
        return JenkinsFacade.operations(run, buildVariables);
    }

    @Override
    public ReleaseAuthorization authorization() {
        ReleasePilotConfiguration c = JenkinsFacade.configuration();
        return ReleaseAuthorization.parse(c.getReleaseRules(), c.getProtectedEnvironments());
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
