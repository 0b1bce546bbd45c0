package io.releasepilot.core.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides the next version from the commits since the last release, with semantic-release's default
 * {@code releaseRules} of {@code @semantic-release/commit-analyzer} and its {@code get-next-version} /
 * {@code get-last-release} logic. Pure: the commits and tags are passed in.
 *
 * <p>Rules, per commit (the highest wins): a breaking note or {@code !} → major; a revert whose target is not in the
 * range → patch; type {@code feat} (also {@code FEAT}, {@code improvement}) → minor; {@code fix}, {@code FIX},
 * {@code perf} → patch; anything else → no release. 0.x versions get no special treatment: a breaking change on
 * 0.4.2 gives 1.0.0, exactly as semantic-release does. No previous release → 1.0.0.
 */
public final class VersionDecider {
    private final ConventionalCommitParser parser = new ConventionalCommitParser();

    /**
     * The release the next one counts from: the highest reachable tag that is a release, or on a pre-release
     * branch also a pre-release of the branch's channel (semantic-release's {@code get-last-release}).
     */
    public Optional<VersionTag> lastRelease(List<VersionTag> reachableTags, Optional<ReleaseChannel> channel) {
        return reachableTags.stream()
                .filter(tag -> !tag.version().isPreRelease()
                        || channel.map(c -> tag.version().isOnChannel(c.prerelease()))
                                .orElse(false))
                .max(Comparator.comparing(VersionTag::version));
    }

    /**
     * Decides the next version.
     *
     * @param branch the branch being released
     * @param policy tag prefix and channels
     * @param lastRelease the result of {@link #lastRelease} for this branch
     * @param reachableTags every version tag reachable from the released commit
     * @param commitsNewestFirst the commits after {@code lastRelease}, newest first (git log order)
     */
    public NextVersion decide(
            String branch,
            VersioningPolicy policy,
            Optional<VersionTag> lastRelease,
            List<VersionTag> reachableTags,
            List<Commit> commitsNewestFirst) {
        Optional<String> channel = policy.channelFor(branch).map(ReleaseChannel::prerelease);
        List<ConventionalCommit> analysed = new ArrayList<>();
        List<CommitWarning> warnings = new ArrayList<>();
        for (Commit commit : commitsNewestFirst) {
            ConventionalCommit parsed = parser.parse(commit);
            analysed.add(parsed);
            for (String problem : parsed.problems()) {
                warnings.add(new CommitWarning(commit.sha(), problem));
            }
        }
        // commit-analyzer skips empty messages before filtering reverts.
        RevertedCommits reverts = RevertedCommits.filter(
                analysed.stream().filter(c -> !c.commit().message().isBlank()).toList());

        List<ReleaseDriver> drivers = new ArrayList<>();
        Optional<ReleaseType> type = Optional.empty();
        for (ConventionalCommit commit : reverts.kept()) {
            Optional<ReleaseDriver> driver = releaseOf(commit);
            if (driver.isPresent()) {
                drivers.add(driver.get());
                type = Optional.of(type.map(t -> t.max(driver.get().type()))
                        .orElse(driver.get().type()));
            }
        }

        if (type.isEmpty()) {
            String since = lastRelease.map(t -> "since " + t.name()).orElse("in the history");
            return new NextVersion(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    lastRelease,
                    branch,
                    channel,
                    drivers,
                    analysed,
                    reverts.cancelled(),
                    warnings,
                    "no release due: none of the " + analysed.size() + " commits " + since
                            + " is a feat, fix, perf, revert or breaking change");
        }
        SemVer next = nextVersion(type.get(), lastRelease, reachableTags, channel);
        String reason = type.get().label() + " release from " + drivers.size() + " commit(s)"
                + lastRelease.map(t -> " since " + t.name()).orElse(", first release");
        return new NextVersion(
                Optional.of(next),
                type,
                Optional.of(policy.tagName(next)),
                lastRelease,
                branch,
                channel,
                drivers,
                analysed,
                reverts.cancelled(),
                warnings,
                reason);
    }

    /** The release a single commit calls for under the default rules; empty when none. */
    public static Optional<ReleaseDriver> releaseOf(ConventionalCommit commit) {
        if (commit.breaking()) {
            return Optional.of(new ReleaseDriver(commit, ReleaseType.MAJOR, "breaking: true"));
        }
        if (commit.revert().isPresent()) {
            return Optional.of(new ReleaseDriver(commit, ReleaseType.PATCH, "revert: true"));
        }
        switch (commit.type()) {
            case "feat":
            case "FEAT":
            case "improvement":
                return Optional.of(new ReleaseDriver(commit, ReleaseType.MINOR, "type: " + commit.type()));
            case "fix":
            case "FIX":
            case "perf":
                return Optional.of(new ReleaseDriver(commit, ReleaseType.PATCH, "type: " + commit.type()));
            default:
                return Optional.empty();
        }
    }

    private static SemVer nextVersion(
            ReleaseType type, Optional<VersionTag> last, List<VersionTag> reachableTags, Optional<String> channel) {
        if (last.isEmpty()) {
            return channel.map(c -> SemVer.FIRST_RELEASE.withPreRelease(c, "1")).orElse(SemVer.FIRST_RELEASE);
        }
        SemVer lastVersion = last.get().version();
        if (channel.isEmpty()) {
            return lastVersion.bump(type);
        }
        String id = channel.get();
        if (lastVersion.isPreRelease()) {
            SemVer latest = reachableTags.stream()
                    .map(VersionTag::version)
                    .max(Comparator.naturalOrder())
                    .orElse(lastVersion);
            return SemVer.highest(
                    lastVersion.bumpPreRelease(), latest.bump(type).withPreRelease(id, "1"));
        }
        return lastVersion.release().bump(type).withPreRelease(id, "1");
    }
}
