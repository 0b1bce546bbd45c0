package io.releasepilot.core.spec;

import java.util.List;

/** How release versions are tagged, and which branches produce pre-releases. */
public record VersioningSpec(String tagPrefix, List<ChannelSpec> channels) {
    public VersioningSpec {
        Require.present(tagPrefix, "tagPrefix");
        channels = Require.list(channels, "channels");
    }
}
