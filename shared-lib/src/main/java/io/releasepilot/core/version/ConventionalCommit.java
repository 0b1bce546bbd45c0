package io.releasepilot.core.version;

import java.util.List;
import java.util.Optional;

/**
 * A commit parsed by the Conventional Commits 1.0 rules as semantic-release's {@code conventionalcommits} preset
 * parses it.
 *
 * @param commit the raw commit
 * @param header the first line of the message
 * @param type the type ({@code feat}), or empty when the header does not match {@code type(scope)!: subject}
 * @param scope the scope, or empty
 * @param subject the subject, or the whole header when it does not match
 * @param body the body (everything after the header, footers included), or empty
 * @param breakingNotes texts of {@code BREAKING CHANGE:} / {@code BREAKING-CHANGE:} notes, or the subject for
 *     {@code type!:}; non-empty means the commit is breaking
 * @param references issue references found in the message
 * @param revert what this commit reverts, if it is a revert
 * @param merge true for merge commits (several parents, or a {@code Merge pull request}/{@code Merge branch} header)
 * @param problems why the message is malformed; empty when it is well-formed (merges and reverts are well-formed)
 */
public record ConventionalCommit(
        Commit commit,
        String header,
        String type,
        String scope,
        String subject,
        String body,
        List<String> breakingNotes,
        List<IssueReference> references,
        Optional<Revert> revert,
        boolean merge,
        List<String> problems) {

    public ConventionalCommit {
        breakingNotes = List.copyOf(breakingNotes);
        references = List.copyOf(references);
        problems = List.copyOf(problems);
    }

    /** True when the commit announces a breaking change ({@code !} or a breaking note). */
    public boolean breaking() {
        return !breakingNotes.isEmpty();
    }

    /** The commit's sha. */
    public String sha() {
        return commit.sha();
    }
}
