package io.releasepilot.core.version;

/**
 * A commit that calls for a release, and the semantic-release rule that matched it.
 *
 * @param commit the parsed commit
 * @param type the release it calls for
 * @param rule the matching rule, e.g. {@code breaking: true} or {@code type: feat}
 */
public record ReleaseDriver(ConventionalCommit commit, ReleaseType type, String rule) {}
