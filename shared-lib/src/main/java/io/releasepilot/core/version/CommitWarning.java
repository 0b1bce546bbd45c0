package io.releasepilot.core.version;

/**
 * A commit whose message could not be read as a Conventional Commit; reported, never fatal.
 *
 * @param sha the commit's sha
 * @param reason what is wrong, in one sentence
 */
public record CommitWarning(String sha, String reason) {}
