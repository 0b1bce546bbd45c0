package io.releasepilot.cli;

import picocli.CommandLine;

/** The version comes from the jar manifest, written by the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ReleasePilotCli.class.getPackage().getImplementationVersion();
        return new String[] {"release-pilot " + (version == null ? "development build" : version)};
    }
}
