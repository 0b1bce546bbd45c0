package io.releasepilot.jenkins;

import hudson.model.Run;

/** The Jenkins instance: a root URL, a default spec path, and the operations the steps call. */
class FakeReleaseHost implements ReleaseHost {
    final ScriptedReleaseOperations operations = new ScriptedReleaseOperations();

    @Override
    public ReleaseOperations operations(Run<?, ?> run) {
        return operations;
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
