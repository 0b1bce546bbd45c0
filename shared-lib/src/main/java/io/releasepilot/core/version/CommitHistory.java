package io.releasepilot.core.version;

import java.util.List;
import java.util.Optional;

/**
 * A Git repository as version decisions see it. Refs are anything Git resolves ({@code HEAD}, a branch, a tag, a
 * sha). Bad refs and non-repositories raise {@link io.releasepilot.core.InvalidInputException}; I/O failures raise
 * {@link CommitHistoryException}.
 */
public interface CommitHistory extends AutoCloseable {

    /** Every tag named {@code <tagPrefix><semver>} whose commit is reachable from {@code ref}; others are ignored. */
    List<VersionTag> versionTags(String ref, String tagPrefix);

    /**
     * The commits reachable from {@code toRef} but not from {@code fromExclusive} (all of them when empty), newest
     * first, children always before their parents (git log order, as {@code git log from..to}).
     */
    List<Commit> commits(Optional<String> fromExclusive, String toRef);

    /** The full sha {@code ref} resolves to. */
    String resolve(String ref);

    /** The checked-out branch, or empty on a detached HEAD. */
    Optional<String> currentBranch();

    /** The web URL of the {@code origin} remote ({@code https://host/owner/repo}), or empty when there is none. */
    Optional<String> repositoryUrl();

    /** The identity in the repository's git config ({@code user.name}, {@code user.email}), when both are set. */
    Optional<Tagger> configuredTagger(java.time.Instant when);

    /** Creates the annotated tag {@code name} on {@code ref} (never pushes); fails when the tag exists. */
    VersionTag createTag(String name, SemVer version, String ref, String message, Tagger tagger);

    @Override
    void close();
}
