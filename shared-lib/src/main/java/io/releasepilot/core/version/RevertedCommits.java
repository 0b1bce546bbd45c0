package io.releasepilot.core.version;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Revert pairs inside a range cancel out. A port of conventional-commits-filter's {@code RevertedCommitsFilter},
 * which semantic-release's commit-analyzer and the changelog writer run over the commits newest first: a revert is
 * held back; when the reverted commit comes by (same header and same sha as the revert names) both are dropped; a
 * revert whose target is outside the range stays, and then calls for a patch release.
 *
 * @param kept the commits that remain, in input order
 * @param cancelled the reverts and reverted commits that cancelled each other
 */
public record RevertedCommits(List<ConventionalCommit> kept, List<ConventionalCommit> cancelled) {
    public RevertedCommits {
        kept = List.copyOf(kept);
        cancelled = List.copyOf(cancelled);
    }

    /** Filters {@code newestFirst} (git log order). */
    public static RevertedCommits filter(List<ConventionalCommit> newestFirst) {
        List<ConventionalCommit> kept = new ArrayList<>();
        List<ConventionalCommit> cancelled = new ArrayList<>();
        Set<ConventionalCommit> hold = new LinkedHashSet<>();
        int heldReverts = 0;
        for (ConventionalCommit commit : newestFirst) {
            ConventionalCommit revert = findRevert(commit, hold);
            if (revert != null) {
                hold.remove(revert);
                heldReverts--;
                cancelled.add(revert);
                cancelled.add(commit);
                continue;
            }
            if (commit.revert().isPresent()) {
                hold.add(commit);
                heldReverts++;
                continue;
            }
            if (heldReverts > 0) {
                hold.add(commit);
            } else {
                kept.addAll(hold);
                hold.clear();
                kept.add(commit);
            }
        }
        kept.addAll(hold);
        return new RevertedCommits(kept, cancelled);
    }

    private static @Nullable ConventionalCommit findRevert(ConventionalCommit commit, Set<ConventionalCommit> hold) {
        for (ConventionalCommit candidate : hold) {
            if (candidate.revert().isPresent()) {
                Revert revert = candidate.revert().get();
                if (revert.header().strip().equals(commit.header().strip())
                        && revert.sha().strip().equals(commit.sha())) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
