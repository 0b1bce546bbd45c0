package io.releasepilot.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link CommitHistory} adapter must do on a real Git repository on disk: list a range newest first with
 * children before parents; list only the reachable tags named {@code <prefix><semver>}, lightweight or annotated,
 * peeled to their commit; resolve refs to full shas; report bad refs, an empty repository and a directory that is no
 * repository as {@link InvalidInputException} naming them; read the branch, the origin's web URL and the configured
 * identity; and create an annotated tag exactly once. Public because adapters extend it via the test-jar.
 */
public abstract class CommitHistoryContractTest {
    private static final String SHA = "[0-9a-f]{40}";

    @TempDir
    protected Path dir;

    /**
     * Writes the repository the adapter then reads, with the real on-disk format. Commits get increasing, fixed commit
     * times, so the order of a range is deterministic.
     */
    public interface RepositoryWriter extends AutoCloseable {
        /** Commits on the checked-out branch; returns the full sha. */
        String commit(String message);

        /** A lightweight tag at the current commit. */
        void tag(String name);

        /** An annotated tag at the current commit. */
        void annotatedTag(String name);

        /** Creates {@code name} at the current commit and checks it out. */
        void checkoutNewBranch(String name);

        void checkout(String name);

        /** A merge commit of {@code branch} into the checked-out branch; returns its sha. */
        String merge(String branch, String message);

        /** Points HEAD at the current commit directly (a detached HEAD, as CI checkouts of a sha have). */
        void detach();

        /** Sets {@code remote.origin.url} and {@code user.name}/{@code user.email} in the repository's config. */
        void configure(String originUrl, String userName, String userEmail);

        @Override
        void close();
    }

    /**
     * Creates an empty repository in {@code directory} whose initial branch is {@code main}, or opens the repository
     * already there to write more.
     */
    protected abstract RepositoryWriter create(Path directory);

    /** The adapter over the repository in {@code directory}, as production opens it. */
    protected abstract CommitHistory open(Path directory);

    @Test
    void shouldListTheCommitsOfARangeNewestFirst() {
        String a;
        String b;
        String c;
        try (RepositoryWriter git = create(dir)) {
            a = git.commit("feat: a");
            git.tag("v1.0.0");
            b = git.commit("fix: b");
            c = git.commit("fix: c");
        }
        try (CommitHistory history = open(dir)) {
            assertThat(history.commits(Optional.of("v1.0.0"), "HEAD"))
                    .extracting(Commit::sha)
                    .containsExactly(c, b);
            assertThat(history.commits(Optional.empty(), "HEAD~1"))
                    .extracting(Commit::sha)
                    .containsExactly(b, a);
            assertThat(history.commits(Optional.of(a), c).get(0).message()).isEqualTo("fix: c");
            assertThat(history.commits(Optional.of(c), c)).isEmpty();
            assertThat(history.currentBranch()).contains("main");
        }
    }

    @Test
    void shouldPutChildrenBeforeTheirParentsAcrossAMerge() {
        String a;
        String b;
        String c;
        String merge;
        try (RepositoryWriter git = create(dir)) {
            a = git.commit("feat: a");
            git.checkoutNewBranch("feature");
            b = git.commit("feat: b on a branch");
            git.checkout("main");
            c = git.commit("fix: c");
            merge = git.merge("feature", "Merge branch 'feature'");
        }
        try (CommitHistory history = open(dir)) {
            List<Commit> commits = history.commits(Optional.empty(), "main");
            List<String> shas = commits.stream().map(Commit::sha).toList();

            assertThat(shas).containsExactlyInAnyOrder(a, b, c, merge);
            assertThat(shas.get(0)).isEqualTo(merge);
            assertThat(shas.get(3)).isEqualTo(a);
            assertThat(commits.get(0).parentCount()).isEqualTo(2);
            assertThat(commits.get(3).parentCount()).isZero();
            assertThat(history.commits(Optional.of(c), "main"))
                    .extracting(Commit::sha)
                    .containsExactly(merge, b);
        }
    }

    @Test
    void shouldListOnlyReachableVersionTagsWithTheirPrefix() {
        String first;
        String second;
        try (RepositoryWriter git = create(dir)) {
            first = git.commit("feat: a");
            git.tag("v1.0.0");
            git.tag("release-candidate");
            git.tag("vnext");
            second = git.commit("feat: b");
            git.annotatedTag("v1.1.0");
            git.tag("api/v3.0.0");
            git.checkoutNewBranch("experiment");
            git.commit("feat: not merged");
            git.tag("v9.0.0");
            git.checkout("main");
        }
        try (CommitHistory history = open(dir)) {
            assertThat(history.versionTags("main", "v"))
                    .containsExactlyInAnyOrder(
                            new VersionTag("v1.0.0", SemVer.of(1, 0, 0), first),
                            new VersionTag("v1.1.0", SemVer.of(1, 1, 0), second));
            assertThat(history.versionTags("main", "api/v"))
                    .containsExactly(new VersionTag("api/v3.0.0", SemVer.of(3, 0, 0), second));
            assertThat(history.versionTags("experiment", "v"))
                    .extracting(VersionTag::name)
                    .containsExactlyInAnyOrder("v1.0.0", "v1.1.0", "v9.0.0");
            assertThat(history.versionTags("main", "release/")).isEmpty();
        }
    }

    @Test
    void shouldResolveRefsToFullShasPeelingAnnotatedTags() {
        String tagged;
        String head;
        try (RepositoryWriter git = create(dir)) {
            tagged = git.commit("feat: a");
            git.annotatedTag("v1.0.0");
            head = git.commit("fix: b");
        }
        try (CommitHistory history = open(dir)) {
            assertThat(history.resolve("HEAD")).isEqualTo(head).matches(SHA);
            assertThat(history.resolve("main")).isEqualTo(head);
            assertThat(history.resolve("v1.0.0")).isEqualTo(tagged);
            assertThat(history.resolve(tagged.substring(0, 10))).isEqualTo(tagged);
            assertThat(history.resolve("HEAD~1")).isEqualTo(tagged);
        }
    }

    @Test
    void shouldRejectUnknownRefsAsInvalidInputNamingThem() {
        try (RepositoryWriter git = create(dir)) {
            git.commit("feat: a");
        }
        try (CommitHistory history = open(dir)) {
            assertThatThrownBy(() -> history.commits(Optional.of("v9.9.9"), "HEAD"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("v9.9.9");
            assertThatThrownBy(() -> history.resolve("no-such-branch"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("no-such-branch");
            assertThatThrownBy(() -> history.versionTags("no-such-branch", "v"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("no-such-branch");
        }
    }

    @Test
    void shouldSayAnEmptyRepositoryHasNoCommits() {
        try (RepositoryWriter git = create(dir)) {
            // git init only
        }
        try (CommitHistory history = open(dir)) {
            assertThatThrownBy(() -> history.commits(Optional.empty(), "HEAD"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("no commits");
        }
    }

    @Test
    void shouldRejectADirectoryThatIsNoRepository() throws Exception {
        Path plain = Files.createDirectory(dir.resolve("plain"));

        assertThatThrownBy(() -> open(plain))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(plain.toString());
        assertThatThrownBy(() -> open(dir.resolve("missing")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(dir.resolve("missing").toString());
    }

    @Test
    void shouldReportTheCheckedOutBranchAndNoneWhenDetached() {
        try (RepositoryWriter git = create(dir)) {
            git.commit("feat: a");
            git.checkoutNewBranch("release/1.x");
        }
        try (CommitHistory history = open(dir)) {
            assertThat(history.currentBranch()).contains("release/1.x");
        }
        try (RepositoryWriter git = create(dir)) {
            git.detach();
        }
        try (CommitHistory history = open(dir)) {
            assertThat(history.currentBranch()).isEmpty();
        }
    }

    @Test
    void shouldReadTheOriginsWebUrlAndTheConfiguredIdentity() {
        try (RepositoryWriter git = create(dir)) {
            git.commit("feat: a");
        }
        try (CommitHistory history = open(dir)) {
            assertThat(history.repositoryUrl()).isEmpty();
        }
        try (RepositoryWriter git = create(dir)) {
            git.configure("git@github.com:acme/shop.git", "Conf User", "conf@example.com");
        }
        Instant when = Instant.parse("2026-02-01T10:00:00Z");
        try (CommitHistory history = open(dir)) {
            assertThat(history.repositoryUrl()).contains("https://github.com/acme/shop");
            assertThat(history.configuredTagger(when)).contains(new Tagger("Conf User", "conf@example.com", when));
        }
    }

    @Test
    void shouldCreateAnAnnotatedTagOnceAndListIt() {
        String first;
        try (RepositoryWriter git = create(dir)) {
            first = git.commit("feat: a");
            git.commit("fix: b");
            git.tag("v0.9.0");
        }
        Tagger tagger = new Tagger("Rel Bot", "bot@example.com", Instant.parse("2026-02-01T10:00:00Z"));
        try (CommitHistory history = open(dir)) {
            VersionTag tag = history.createTag("v1.0.0", SemVer.of(1, 0, 0), "HEAD~1", "Release v1.0.0", tagger);

            assertThat(tag).isEqualTo(new VersionTag("v1.0.0", SemVer.of(1, 0, 0), first));
            assertThat(history.versionTags("HEAD", "v")).contains(tag);
            assertThat(history.resolve("v1.0.0")).isEqualTo(first);
            assertThatThrownBy(() -> history.createTag("v1.0.0", SemVer.of(1, 0, 0), "HEAD", "again", tagger))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("v1.0.0")
                    .hasMessageContaining("already exists");
            assertThatThrownBy(() -> history.createTag("v0.9.0", SemVer.of(0, 9, 0), "HEAD", "again", tagger))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("already exists");
            assertThatThrownBy(() -> history.createTag("v2.0.0", SemVer.of(2, 0, 0), "nowhere", "bad ref", tagger))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("nowhere");
        }
    }
}
