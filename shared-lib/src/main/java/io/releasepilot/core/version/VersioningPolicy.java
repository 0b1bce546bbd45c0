package io.releasepilot.core.version;

import io.releasepilot.core.InvalidInputException;
import java.util.List;
import java.util.Optional;

/**
 * How versions are tagged and which branches release pre-releases (spec section {@code versioning}).
 *
 * @param tagPrefix text before the version in tag names ({@code v}); may be empty
 * @param channels pre-release channels, first match wins
 */
public record VersioningPolicy(String tagPrefix, List<ReleaseChannel> channels) {
    /** The spec's default tag prefix. */
    public static final String DEFAULT_TAG_PREFIX = "v";

    public VersioningPolicy {
        channels = List.copyOf(channels);
        if (tagPrefix.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInputException("tag prefix '" + tagPrefix + "' must not contain whitespace");
        }
    }

    /** Prefix {@code v} and the example spec's channel {@code release/*} → {@code rc}. */
    public static VersioningPolicy defaults() {
        return new VersioningPolicy(DEFAULT_TAG_PREFIX, List.of(new ReleaseChannel("release/*", "rc")));
    }

    /** The channel the branch releases on; empty for a regular release branch. */
    public Optional<ReleaseChannel> channelFor(String branch) {
        return channels.stream().filter(c -> c.matches(branch)).findFirst();
    }

    /** The tag name of a version: prefix + version. */
    public String tagName(SemVer version) {
        return tagPrefix + version;
    }

    /** The version in a tag name, or empty when the name is not prefix + strict SemVer. */
    public Optional<SemVer> versionOf(String tagName) {
        if (!tagName.startsWith(tagPrefix)) {
            return Optional.empty();
        }
        return SemVer.tryParse(tagName.substring(tagPrefix.length()));
    }
}
