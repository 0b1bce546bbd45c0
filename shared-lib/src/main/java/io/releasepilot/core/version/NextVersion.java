package io.releasepilot.core.version;

import java.util.List;
import java.util.Optional;

/**
 * The version decision for a branch: the next version, or "no release due", with the commits that drove it.
 *
 * @param version the next version; empty when no release is due
 * @param releaseType the release type the commits call for; empty when none
 * @param tag the tag name for {@link #version}; empty when no release is due
 * @param lastRelease the release the commits were counted from; empty for a first release
 * @param branch the branch decided for
 * @param channel the pre-release identifier of the branch's channel; empty for a regular branch
 * @param drivers commits that call for a release, with their rule
 * @param analysed every commit of the range, parsed, newest first
 * @param cancelled revert pairs inside the range that cancelled each other
 * @param warnings malformed commit messages (never fatal)
 * @param reason one sentence explaining the decision
 */
public record NextVersion(
        Optional<SemVer> version,
        Optional<ReleaseType> releaseType,
        Optional<String> tag,
        Optional<VersionTag> lastRelease,
        String branch,
        Optional<String> channel,
        List<ReleaseDriver> drivers,
        List<ConventionalCommit> analysed,
        List<ConventionalCommit> cancelled,
        List<CommitWarning> warnings,
        String reason) {

    public NextVersion {
        drivers = List.copyOf(drivers);
        analysed = List.copyOf(analysed);
        cancelled = List.copyOf(cancelled);
        warnings = List.copyOf(warnings);
        if (version.isPresent() != releaseType.isPresent() || version.isPresent() != tag.isPresent()) {
            throw new IllegalArgumentException("a release needs a version, a release type and a tag together");
        }
    }

    /** True when a release is due. */
    public boolean released() {
        return version.isPresent();
    }
}
