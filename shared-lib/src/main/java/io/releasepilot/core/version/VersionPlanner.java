package io.releasepilot.core.version;

import java.util.List;
import java.util.Optional;

/**
 * Reads what {@link VersionDecider} needs from a {@link CommitHistory} and asks it for the next version: the shell
 * around the pure decision.
 */
public final class VersionPlanner {
    private final CommitHistory history;
    private final VersionDecider decider = new VersionDecider();

    public VersionPlanner(CommitHistory history) {
        this.history = history;
    }

    /**
     * The next version for the commit {@code ref} released from {@code branch}.
     *
     * @param ref the commit to release ({@code HEAD})
     * @param branch the branch name deciding the channel
     * @param policy tag prefix and channels
     */
    public NextVersion next(String ref, String branch, VersioningPolicy policy) {
        List<VersionTag> tags = history.versionTags(ref, policy.tagPrefix());
        Optional<VersionTag> last = decider.lastRelease(tags, policy.channelFor(branch));
        List<Commit> commits = history.commits(last.map(VersionTag::sha), ref);
        return decider.decide(branch, policy, last, tags, commits);
    }
}
