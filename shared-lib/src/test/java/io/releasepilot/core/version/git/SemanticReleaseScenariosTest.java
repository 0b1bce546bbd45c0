package io.releasepilot.core.version.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.version.CommitWarning;
import io.releasepilot.core.version.NextVersion;
import io.releasepilot.core.version.ReleaseChannel;
import io.releasepilot.core.version.VersionPlanner;
import io.releasepilot.core.version.VersioningPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real repositories built with JGit, each checked against the version semantic-release (v24/v25 with
 * {@code @semantic-release/commit-analyzer}, preset {@code conventionalcommits}, default {@code releaseRules})
 * would choose. "Rule" comments cite the source: {@code default-release-rules.js} of commit-analyzer,
 * {@code get-next-version.js} / {@code get-last-release.js} of semantic-release, the preset's {@code parserOpts}, and
 * conventional-commits-filter's {@code RevertedCommitsFilter}.
 */
class SemanticReleaseScenariosTest {
    @TempDir
    Path dir;

    private NextVersion next(Consumer<GitFixture> history) {
        return next(history, "main", VersioningPolicy.defaults());
    }

    private NextVersion next(Consumer<GitFixture> history, String branch, VersioningPolicy policy) {
        try (GitFixture git = GitFixture.create(dir)) {
            history.accept(git);
        }
        try (JGitCommitHistory repo = JGitCommitHistory.open(dir)) {
            return new VersionPlanner(repo).next("HEAD", branch, policy);
        }
    }

    private static Optional<String> version(NextVersion next) {
        return next.version().map(Object::toString);
    }

    @Test
    void shouldReleaseOneZeroZeroFirstWhenThereIsNoTag() {
        // Rule: get-next-version.js, no lastRelease → FIRST_RELEASE "1.0.0" whatever the bump.
        NextVersion next = next(git -> {
            git.commit("chore: init");
            git.commit("fix: first fix");
        });
        assertThat(version(next)).contains("1.0.0");
        assertThat(next.lastRelease()).isEmpty();
    }

    @Test
    void shouldNotReleaseWhenThereIsNoTagAndNoReleasingCommit() {
        // Rule: analyzeCommits returns null → "There are no relevant changes, so no new version is released."
        NextVersion next = next(git -> {
            git.commit("chore: init");
            git.commit("docs: readme");
        });
        assertThat(next.released()).isFalse();
        assertThat(next.tag()).isEmpty();
    }

    @Test
    void shouldReleasePatchForFix() {
        // Rule: {type: "fix", release: "patch"}.
        assertThat(version(next(git -> {
                    git.commit("feat: init");
                    git.tag("v1.0.0");
                    git.commit("fix: null check");
                })))
                .contains("1.0.1");
    }

    @Test
    void shouldReleasePatchForPerf() {
        // Rule: {type: "perf", release: "patch"}.
        assertThat(version(next(git -> {
                    git.commit("feat: init");
                    git.tag("v1.0.0");
                    git.commit("perf: cache lookups");
                })))
                .contains("1.0.1");
    }

    @Test
    void shouldReleaseMinorForFeatAndTakeTheHighestOfAllCommits() {
        // Rule: {type: "feat", release: "minor"}; the highest release type of all commits wins.
        NextVersion next = next(git -> {
            git.commit("feat: init");
            git.tag("v1.0.0");
            git.commit("fix: a");
            git.commit("feat(ui): dark mode");
            git.commit("perf: b");
        });
        assertThat(version(next)).contains("1.1.0");
        assertThat(next.drivers()).hasSize(3);
        assertThat(next.lastRelease().orElseThrow().name()).isEqualTo("v1.0.0");
    }

    @Test
    void shouldNotReleaseForDocsChoreStyleRefactorTestBuildCi() {
        // Rule: no default rule matches these types → the commit "should not trigger a release".
        NextVersion next = next(git -> {
            git.commit("feat: init");
            git.tag("v1.0.0");
            for (String type : List.of("docs", "chore", "style", "refactor", "test", "build", "ci")) {
                git.commit(type + ": something");
            }
        });
        assertThat(next.released()).isFalse();
        assertThat(next.warnings()).isEmpty();
    }

    @Test
    void shouldReleaseMajorForBangAfterTypeAndAfterScope() {
        // Rule: breakingHeaderPattern /^(\w*)(?:\((.*)\))?!: (.*)$/ adds a note → {breaking: true, release: "major"}.
        assertThat(version(next(git -> {
                    git.commit("feat: init");
                    git.tag("v1.2.3");
                    git.commit("feat!: new API");
                })))
                .contains("2.0.0");
        assertThat(version(nextInFreshDir(git -> {
                    git.commit("feat: init");
                    git.tag("v1.2.3");
                    git.commit("fix(api)!: drop v1 endpoint");
                })))
                .contains("2.0.0");
    }

    @Test
    void shouldReleaseMajorForEachBreakingFooterForm() {
        // Rule: noteKeywords ["BREAKING CHANGE", "BREAKING-CHANGE"], notes regex /^[\s|*]*(KW)[:\s]+(.*)/i →
        // {breaking: true, release: "major"}, whatever the type (even docs) and case-insensitively.
        for (String footer : List.of(
                "BREAKING CHANGE: config moved", "BREAKING-CHANGE: config moved", "breaking change: config moved")) {
            NextVersion next = nextInFreshDir(git -> {
                git.commit("feat: init");
                git.tag("v1.2.3");
                git.commit("docs: explain\n\nLonger text.\n\n" + footer);
            });
            assertThat(version(next)).as(footer).contains("2.0.0");
            assertThat(next.drivers().get(0).commit().breakingNotes()).containsExactly("config moved");
        }
    }

    @Test
    void shouldGoFromZeroXToOneZeroZeroOnABreakingChange() {
        // Rule: get-next-version.js uses semver.inc(lastRelease.version, type) with no 0.x special case:
        // inc("0.3.1", "major") = "1.0.0".
        assertThat(version(next(git -> {
                    git.commit("feat: init");
                    git.tag("v0.3.1");
                    git.commit("feat!: stable API");
                })))
                .contains("1.0.0");
    }

    @Test
    void shouldBumpMinorOnZeroXForAFeature() {
        // Rule: inc("0.3.1", "minor") = "0.4.0"; 0.x is not treated specially.
        assertThat(version(next(git -> {
                    git.commit("feat: init");
                    git.tag("v0.3.1");
                    git.commit("feat: more");
                })))
                .contains("0.4.0");
    }

    @Test
    void shouldCancelARevertOfACommitInTheRange() {
        // Rule: conventional-commits-filter drops a revert and the commit it reverts (same header and sha) →
        // nothing left → no release.
        NextVersion next = next(git -> {
            git.commit("feat: init");
            git.tag("v1.0.0");
            String sha = git.commit("feat: risky");
            git.commit("Revert \"feat: risky\"\n\nThis reverts commit " + sha + ".");
        });
        assertThat(next.released()).isFalse();
        assertThat(next.cancelled()).hasSize(2);
        assertThat(next.warnings()).isEmpty();
    }

    @Test
    void shouldCancelALowerCaseRevertPrefixToo() {
        // Rule: revertPattern /^(?:Revert|revert:)\s"?([\s\S]+?)"?\s*This reverts commit (\w*)\./i.
        NextVersion next = next(git -> {
            git.commit("feat: init");
            git.tag("v1.0.0");
            String sha = git.commit("feat!: risky");
            git.commit("fix: keep this");
            git.commit("revert: feat!: risky\n\nThis reverts commit " + sha + ".");
        });
        assertThat(version(next)).contains("1.0.1");
    }

    @Test
    void shouldReleasePatchForARevertOfACommitOutsideTheRange() {
        // Rule: the revert stays (its target is not in the range) and matches {revert: true, release: "patch"}.
        NextVersion next = next(git -> {
            String sha = git.commit("feat: shipped");
            git.tag("v1.0.0");
            git.commit("Revert \"feat: shipped\"\n\nThis reverts commit " + sha + ".");
        });
        assertThat(version(next)).contains("1.0.1");
        assertThat(next.drivers().get(0).rule()).isEqualTo("revert: true");
    }

    @Test
    void shouldAnalyseTheCommitsOfAMergedPullRequestAndIgnoreTheMergeCommit() {
        // Rule: git log lastTag..HEAD includes the merged branch's commits; the merge header matches no
        // headerPattern (the preset has no mergePattern) → the merge itself triggers nothing and is not malformed.
        NextVersion next = next(git -> {
            git.commit("feat: init");
            git.tag("v1.0.0");
            git.checkoutNewBranch("feature");
            git.commit("feat(cart): coupons");
            git.checkout("main");
            git.commit("chore: bump deps");
            git.merge("feature", "Merge pull request #12 from acme/feature\n\nfeat(cart): coupons");
        });
        assertThat(version(next)).contains("1.1.0");
        assertThat(next.warnings()).isEmpty();
        assertThat(next.analysed()).filteredOn(c -> c.merge()).hasSize(1);
    }

    @Test
    void shouldNotReleaseForAMergeOfChoresOnly() {
        // Rule: neither "Merge branch ..." nor its chore commits match a release rule.
        NextVersion next = next(git -> {
            git.commit("feat: init");
            git.tag("v1.0.0");
            git.checkoutNewBranch("deps");
            git.commit("chore: bump");
            git.checkout("main");
            git.commit("docs: x");
            git.merge("deps", "Merge branch 'deps'");
        });
        assertThat(next.released()).isFalse();
        assertThat(next.warnings()).isEmpty();
    }

    @Test
    void shouldReportMalformedMessagesWithoutFailing() {
        // Rule: a header not matching /^(\w*)(?:\((.*)\))?!?: (.*)$/ has no type → no rule matches; "Feat" does not
        // match {type: "feat"} (case-sensitive), but "FEAT" matches the JSHint rule {type: "FEAT", release: "minor"}.
        NextVersion next = next(git -> {
            git.commit("feat: init");
            git.tag("v1.0.0");
            git.commit("Fix the login bug");
            git.commit("feat:missing space");
            git.commit("Feat: capitalised");
            git.commit("fix(api) missing colon");
        });
        assertThat(next.released()).isFalse();
        assertThat(next.warnings()).hasSize(4).extracting(CommitWarning::sha).doesNotContainNull();
        assertThat(next.warnings().get(0).reason()).contains("does not match");

        NextVersion upper = nextInFreshDir(git -> {
            git.commit("feat: init");
            git.tag("v1.0.0");
            git.commit("FEAT: shouting");
        });
        assertThat(version(upper)).contains("1.1.0");
    }

    @Test
    void shouldIgnoreTagsThatAreNotPrefixedSemver() {
        // Rule: semantic-release keeps only tags matching tagFormat "v${version}" with a valid semver.
        NextVersion next = next(git -> {
            git.commit("feat: init");
            git.tag("v2.0.0");
            git.commit("fix: a");
            git.tag("latest");
            git.tag("v3");
            git.tag("v3.0.0.1");
            git.tag("3.5.0");
            git.tag("vnext");
            git.commit("fix: b");
        });
        assertThat(version(next)).contains("2.0.1");
        assertThat(next.lastRelease().orElseThrow().name()).isEqualTo("v2.0.0");
    }

    @Test
    void shouldHonourAConfiguredTagPrefix() {
        // Rule: tagFormat "release-${version}"; "v9.9.9" does not match it and is ignored.
        VersioningPolicy policy = new VersioningPolicy("release-", List.of());
        NextVersion next = next(
                git -> {
                    git.commit("feat: init");
                    git.annotatedTag("release-2.0.0");
                    git.tag("v9.9.9");
                    git.commit("feat: more");
                },
                "main",
                policy);
        assertThat(version(next)).contains("2.1.0");
        assertThat(next.tag()).contains("release-2.1.0");
    }

    @Test
    void shouldHonourAnEmptyTagPrefix() {
        VersioningPolicy policy = new VersioningPolicy("", List.of());
        NextVersion next = next(
                git -> {
                    git.commit("feat: init");
                    git.tag("2.0.0");
                    git.tag("v5.0.0");
                    git.commit("fix: more");
                },
                "main",
                policy);
        assertThat(next.tag()).contains("2.0.1");
    }

    @Test
    void shouldCountFromTheHighestReachableTagOnly() {
        // Rule: get-last-release.js takes the highest version among the branch's tags (git tag --merged).
        NextVersion next = next(git -> {
            git.commit("feat: init");
            git.tag("v1.0.0");
            git.commit("feat: b");
            git.tag("v1.2.0");
            git.checkoutNewBranch("experiment");
            git.commit("feat!: x");
            git.tag("v3.0.0");
            git.checkout("main");
            git.commit("feat: c");
        });
        assertThat(version(next)).contains("1.3.0");
    }

    @Test
    void shouldReleaseRcPreReleasesOnReleaseBranches() {
        // Rule: branch type prerelease, lastRelease 1.0.0 is not a pre-release →
        // `${inc("1.0.0", "minor")}-rc.1` = 1.1.0-rc.1.
        NextVersion first = next(
                git -> {
                    git.commit("feat: init");
                    git.tag("v1.0.0");
                    git.checkoutNewBranch("release/1.1");
                    git.commit("feat: new");
                },
                "release/1.1",
                VersioningPolicy.defaults());
        assertThat(version(first)).contains("1.1.0-rc.1");
        assertThat(first.channel()).contains("rc");
    }

    @Test
    void shouldIncrementTheRcNumberFromExistingTagsOnTheChannel() {
        // Rule: lastRelease 1.1.0-rc.2 on the same channel → highest(inc(last, "prerelease") = 1.1.0-rc.3,
        // `${inc(latest tag incl. pre-releases = 1.1.0-rc.2, "patch") = 1.1.0}-rc.1`) = 1.1.0-rc.3.
        NextVersion next = next(
                git -> {
                    git.commit("feat: init");
                    git.tag("v1.0.0");
                    git.checkoutNewBranch("release/1.1");
                    git.commit("feat: new");
                    git.tag("v1.1.0-rc.1");
                    git.commit("fix: a");
                    git.tag("v1.1.0-rc.2");
                    git.commit("fix: b");
                },
                "release/1.1",
                VersioningPolicy.defaults());
        assertThat(version(next)).contains("1.1.0-rc.3");
        assertThat(next.lastRelease().orElseThrow().name()).isEqualTo("v1.1.0-rc.2");
    }

    @Test
    void shouldJumpToTheNextMajorRcOnABreakingChangeOnTheChannel() {
        // Rule: highest(inc("1.1.0-rc.2", "prerelease") = 1.1.0-rc.3, `${inc("1.1.0-rc.2", "major") = 2.0.0}-rc.1`)
        // = 2.0.0-rc.1.
        NextVersion next = next(
                git -> {
                    git.commit("feat: init");
                    git.tag("v1.0.0");
                    git.checkoutNewBranch("release/next");
                    git.commit("feat: new");
                    git.tag("v1.1.0-rc.2");
                    git.commit("feat!: incompatible");
                },
                "release/next",
                VersioningPolicy.defaults());
        assertThat(version(next)).contains("2.0.0-rc.1");
    }

    @Test
    void shouldStartTheChannelAtOneZeroZeroRcOneWithoutTags() {
        // Rule: no lastRelease on a prerelease branch → `${FIRST_RELEASE}-${prerelease}.1` = 1.0.0-rc.1.
        NextVersion next = next(
                git -> git.commit("fix: x"),
                "release/1.0",
                new VersioningPolicy("v", List.of(new ReleaseChannel("release/*", "rc"))));
        assertThat(version(next)).contains("1.0.0-rc.1");
    }

    @Test
    void shouldIgnorePreReleaseTagsOnTheMainBranch() {
        // Rule: get-last-release.js keeps only non-pre-release tags on a release branch → counts from v1.0.0.
        NextVersion next = next(git -> {
            git.commit("feat: init");
            git.tag("v1.0.0");
            git.checkoutNewBranch("release/1.1");
            git.commit("feat: new");
            git.tag("v1.1.0-rc.1");
            git.checkout("main");
            git.merge("release/1.1", "Merge branch 'release/1.1'");
        });
        assertThat(version(next)).contains("1.1.0");
        assertThat(next.lastRelease().orElseThrow().name()).isEqualTo("v1.0.0");
    }

    @Test
    void shouldNotReleaseWhenNothingHappenedSinceTheLastRc() {
        NextVersion next = next(
                git -> {
                    git.commit("feat: init");
                    git.checkoutNewBranch("release/2");
                    git.tag("v1.0.0-rc.1");
                    git.commit("docs: notes");
                },
                "release/2",
                VersioningPolicy.defaults());
        assertThat(next.released()).isFalse();
    }

    private NextVersion nextInFreshDir(Consumer<GitFixture> history) {
        Path fresh = dir.resolve("r" + System.identityHashCode(history));
        try (GitFixture git = GitFixture.create(fresh)) {
            history.accept(git);
        }
        try (JGitCommitHistory repo = JGitCommitHistory.open(fresh)) {
            return new VersionPlanner(repo).next("HEAD", "main", VersioningPolicy.defaults());
        }
    }
}
