package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionCommandTest {
    @TempDir
    Path dir;

    private int seconds;

    /** Result of one CLI run. */
    record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ReleasePilotCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private RevCommit commit(Git git, String message) throws Exception {
        PersonIdent ident = new PersonIdent(
                "Dev",
                "dev@example.com",
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(++seconds),
                TimeZone.getTimeZone(ZoneOffset.UTC).toZoneId());
        return git.commit()
                .setAllowEmpty(true)
                .setMessage(message)
                .setAuthor(ident)
                .setCommitter(ident)
                .setSign(false)
                .call();
    }

    private void repoWithFeature() throws Exception {
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "feat: init");
            git.tag().setName("v1.0.0").setAnnotated(false).call();
            commit(git, "feat(cart): coupons\n\nCloses #7");
            commit(git, "not conventional");
            git.getRepository().getConfig().setString("remote", "origin", "url", "git@github.com:acme/shop.git");
            git.getRepository().getConfig().save();
        }
    }

    @Test
    void shouldPrintTheNextVersionAndOutputLines() throws Exception {
        repoWithFeature();
        Run run = run("version", "next", "--repo", dir.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("1.1.0\n").contains("released=true\n", "version=1.1.0\n", "tag=v1.1.0\n");
        assertThat(run.err()).contains("warning: commit").contains("does not match");
    }

    @Test
    void shouldPrintJson() throws Exception {
        repoWithFeature();
        Run run = run("version", "next", "--repo", dir.toString(), "--format", "json");
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("\"released\" : true", "\"version\" : \"1.1.0\"", "\"lastRelease\" : \"v1.0.0\"")
                .contains("\"warnings\" : [ {");
    }

    @Test
    void shouldUseTheRcChannelOnAReleaseBranch() throws Exception {
        repoWithFeature();
        Run run = run("version", "next", "--repo", dir.toString(), "--branch", "release/1.1");
        assertThat(run.out()).startsWith("1.1.0-rc.1\n");
        Run custom = run("version", "next", "--repo", dir.toString(), "--branch", "next", "--channel", "next=beta");
        assertThat(custom.out()).startsWith("1.1.0-beta.1\n");
    }

    @Test
    void shouldTakeChannelsFromTheSpecsVersioningSection() throws Exception {
        repoWithFeature();
        Path spec = java.nio.file.Files.writeString(dir.getParent().resolve("spec-" + seconds + ".yml"), """
                service: shop
                versioning:
                  tagPrefix: v
                  channels:
                    - { branch: "next", prerelease: beta }
                """);

        Run run = run("version", "next", "--repo", dir.toString(), "--branch", "next", "--spec", spec.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("1.1.0-beta.1\n");
    }

    @Test
    void shouldTagThenReportNoReleaseDueAndRefuseToTagAgain() throws Exception {
        repoWithFeature();
        Run tag = run("version", "tag", "--repo", dir.toString(), "--tagger-name", "Bot", "--tagger-email", "b@x.y");
        assertThat(tag.exit()).isZero();
        assertThat(tag.out()).contains("created tag v1.1.0", "released=true", "version=1.1.0");
        try (Git git = Git.open(dir.toFile())) {
            assertThat(git.getRepository().exactRef("refs/tags/v1.1.0")).isNotNull();
        }

        Run next = run("version", "next", "--repo", dir.toString());
        assertThat(next.exit()).isZero();
        assertThat(next.out()).startsWith("no release due\n").contains("released=false\n", "version=\n");

        Run again = run("version", "tag", "--repo", dir.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.err()).contains("refusing to tag: no release due");
        assertThat(again.out()).contains("released=false");
    }

    @Test
    void shouldExitTwoForABadRepositoryOrRef() throws Exception {
        Run missing = run("version", "next", "--repo", dir.resolve("missing").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist").doesNotContain("\tat ");

        Path plain = Files.createDirectory(dir.resolve("plain"));
        Run notRepo = run("version", "next", "--repo", plain.toString());
        assertThat(notRepo.exit()).isEqualTo(2);
        assertThat(notRepo.err()).contains("not a Git repository");

        repoWithFeature();
        Run badRef = run("version", "next", "--repo", dir.toString(), "--ref", "no-such-branch");
        assertThat(badRef.exit()).isEqualTo(2);
        assertThat(badRef.err()).contains("unknown revision 'no-such-branch'");
    }

    @Test
    void shouldWriteTheChangelogWithLinksFromTheOrigin() throws Exception {
        repoWithFeature();
        Path output = dir.resolve("out/CHANGELOG.md");
        Run run = run("changelog", "--repo", dir.toString(), "--output", output.toString(), "--date", "2026-02-03");
        assertThat(run.exit()).isZero();
        String markdown = Files.readString(output);
        assertThat(markdown)
                .startsWith("## [1.1.0](https://github.com/acme/shop/compare/v1.0.0...v1.1.0) (2026-02-03)")
                .contains("### Features")
                .contains("* **cart:** coupons ([")
                .contains("closes [#7](https://github.com/acme/shop/issues/7)");
    }

    @Test
    void shouldRenderAnExplicitRangeAndRejectAnUnknownTag() throws Exception {
        repoWithFeature();
        Run range = run(
                "changelog",
                "--repo",
                dir.toString(),
                "--from",
                "v1.0.0",
                "--to",
                "HEAD~1",
                "--repo-url",
                "https://example.com/o/r",
                "--date",
                "2026-02-03");
        assertThat(range.exit()).isZero();
        assertThat(range.out()).contains("(https://example.com/o/r/commit/");

        Run fromSha = run("changelog", "--repo", dir.toString(), "--from", "HEAD~2", "--date", "2026-02-03");
        assertThat(fromSha.out()).startsWith("## Unreleased (2026-02-03)").contains("coupons");

        Run bad = run("changelog", "--repo", dir.toString(), "--from", "v0.0.9");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown revision 'v0.0.9'");
    }
}
