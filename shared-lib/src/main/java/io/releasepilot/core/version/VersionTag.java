package io.releasepilot.core.version;

/**
 * A tag whose name is {@code <prefix><semver>}.
 *
 * @param name the full tag name ({@code v1.2.0})
 * @param version the version in the name
 * @param sha the sha of the commit the tag points to (peeled)
 */
public record VersionTag(String name, SemVer version, String sha) {}
