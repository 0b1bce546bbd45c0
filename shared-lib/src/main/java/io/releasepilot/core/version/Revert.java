package io.releasepilot.core.version;

/**
 * What a revert commit says it reverts: the header of the reverted commit and its sha, taken from
 * {@code Revert "<header>"} / {@code revert: <header>} and the body line {@code This reverts commit <sha>.}
 *
 * @param header the reverted commit's header
 * @param sha the reverted commit's sha as written in the message (may be abbreviated)
 */
public record Revert(String header, String sha) {}
