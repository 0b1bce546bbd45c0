package io.releasepilot.core.spec;

/**
 * A pre-release channel: releases from branches matching {@code branch} get the {@code prerelease} identifier
 * ({@code 1.4.0-rc.1}).
 */
public record ChannelSpec(String branch, String prerelease) {
    public ChannelSpec {
        Require.text(branch, "branch");
        Require.text(prerelease, "prerelease");
    }
}
