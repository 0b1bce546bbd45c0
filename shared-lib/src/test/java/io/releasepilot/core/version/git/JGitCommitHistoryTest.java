package io.releasepilot.core.version.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.version.CommitHistory;
import io.releasepilot.core.version.CommitHistoryContractTest;
import io.releasepilot.core.version.SemVer;
import io.releasepilot.core.version.Tagger;
import io.releasepilot.core.version.VersionTag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;

/** The commit-history contract on real repositories written by JGit, plus what only this adapter promises. */
class JGitCommitHistoryTest extends CommitHistoryContractTest {
    @Override
    protected RepositoryWriter create(Path directory) {
        return GitFixture.create(directory);
    }

    @Override
    protected CommitHistory open(Path directory) {
        return JGitCommitHistory.open(directory);
    }

    @Test
    void shouldRejectBadRefsAndNonRepositoriesAsInvalidInput() throws Exception {
        try (GitFixture git = GitFixture.create(dir)) {
            git.commit("feat: a");
        }
        try (JGitCommitHistory history = JGitCommitHistory.open(dir)) {
            assertThatThrownBy(() -> history.commits(Optional.of("v9.9.9"), "HEAD"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("unknown revision 'v9.9.9'");
        }
        Path plain = Files.createDirectory(dir.resolve("plain"));
        assertThatThrownBy(() -> JGitCommitHistory.open(plain))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a Git repository");
        assertThatThrownBy(() -> JGitCommitHistory.open(dir.resolve("missing")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldCreateAnAnnotatedTagWithTheTaggerAndRefuseADuplicate() throws Exception {
        try (GitFixture git = GitFixture.create(dir)) {
            git.commit("feat: a");
        }
        Tagger tagger = new Tagger("Rel Bot", "bot@example.com", Instant.parse("2026-02-01T10:00:00Z"));
        try (JGitCommitHistory history = JGitCommitHistory.open(dir)) {
            VersionTag tag = history.createTag("v1.0.0", SemVer.of(1, 0, 0), "HEAD", "Release v1.0.0", tagger);
            assertThat(history.versionTags("HEAD", "v")).containsExactly(tag);
            assertThatThrownBy(() -> history.createTag("v1.0.0", SemVer.of(1, 0, 0), "HEAD", "again", tagger))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("already exists");
        }
        try (GitFixture git = GitFixture.create(dir);
                RevWalk walk = new RevWalk(git.repository())) {
            ObjectId id = git.repository().exactRef(Constants.R_TAGS + "v1.0.0").getObjectId();
            RevTag annotated = walk.parseTag(id);
            assertThat(annotated.getTaggerIdent().getName()).isEqualTo("Rel Bot");
            assertThat(annotated.getTaggerIdent().getWhenAsInstant()).isEqualTo(tagger.when());
            assertThat(annotated.getFullMessage()).startsWith("Release v1.0.0");
        }
    }

    @Test
    void shouldDeriveTheWebUrlFromTheOrigin() {
        try (GitFixture git = GitFixture.create(dir)) {
            git.commit("feat: a");
            git.setOrigin("git@github.com:acme/shop.git");
            git.repository().getConfig().setString("user", null, "name", "Conf User");
            git.repository().getConfig().setString("user", null, "email", "conf@example.com");
            try {
                git.repository().getConfig().save();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        try (JGitCommitHistory history = JGitCommitHistory.open(dir)) {
            assertThat(history.repositoryUrl()).contains("https://github.com/acme/shop");
            assertThat(history.configuredTagger(Instant.EPOCH).map(Tagger::name))
                    .contains("Conf User");
        }
        for (List<String> c : List.of(
                List.of("https://github.com/acme/shop.git", "https://github.com/acme/shop"),
                List.of("https://token@github.com/acme/shop", "https://github.com/acme/shop"),
                List.of(
                        "ssh://git@gitlab.example.com:2222/group/sub/repo.git",
                        "https://gitlab.example.com/group/sub/repo"),
                List.of("git@gitlab.com:group/sub/repo.git", "https://gitlab.com/group/sub/repo"))) {
            assertThat(JGitCommitHistory.webUrl(c.get(0))).as(c.get(0)).contains(c.get(1));
        }
        assertThat(JGitCommitHistory.webUrl("/srv/git/repo.git")).isEmpty();
    }

    @Test
    void shouldRefuseAShallowCloneInsteadOfGuessingAFirstRelease() throws Exception {
        String sha;
        try (GitFixture git = GitFixture.create(dir)) {
            git.commit("feat: a");
            sha = git.commit("fix: b");
        }
        Files.writeString(dir.resolve(".git/shallow"), sha + "\n");
        try (JGitCommitHistory history = JGitCommitHistory.open(dir)) {
            assertThatThrownBy(() -> history.versionTags("HEAD", "v"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("shallow clone");
        }
    }
}
