package io.releasepilot.jenkins;

import hudson.model.Run;
import java.util.Map;

/** The Jenkins instance: a root URL, a default spec path, and the operations the steps call. */
class FakeReleaseHost implements ReleaseHost {
    final ScriptedReleaseOperations operations = new ScriptedReleaseOperations();

    @Override
    public ReleaseOperations operations(Run<?, ?> run, Map<String, String> buildVariables) {
        return operations;
    }

    /** Open unless a test sets rules. */
    volatile ReleaseAuthorization authorization = ReleaseAuthorization.open();

    @Override
    public ReleaseAuthorization authorization() {
        return authorization;
    }

    @Override
    public String absoluteUrl(String relativeUrl) {
        return "https://ci.example.com/" + relativeUrl;
    }

    @Override
    public String defaultSpecPath() {
        return "release-pilot.yml";
    }
}
