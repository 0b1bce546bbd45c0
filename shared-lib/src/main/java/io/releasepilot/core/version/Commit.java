package io.releasepilot.core.version;

import java.time.Instant;
import java.util.Objects;

/**
 * One commit as read from the history: the raw material of version decisions and changelogs.
 *
 * @param sha full object id (40 hex digits for SHA-1 repositories)
 * @param message the full commit message
 * @param committedAt committer time
 * @param parentCount number of parents; more than one means a merge commit
 */
public record Commit(String sha, String message, Instant committedAt, int parentCount) {
    public Commit {
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(committedAt, "committedAt");
        if (sha.isBlank()) {
            throw new IllegalArgumentException("a commit needs a sha");
        }
        if (parentCount < 0) {
            throw new IllegalArgumentException("parentCount must not be negative: " + parentCount);
        }
    }

    /** The first seven characters of the sha, as git abbreviates it. */
    public String shortSha() {
        return sha.length() <= 7 ? sha : sha.substring(0, 7);
    }
}
