package io.releasepilot.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConventionalCommitParserTest {
    private static ConventionalCommit parse(String message) {
        return new ConventionalCommitParser().parse(new Commit("a".repeat(40), message, Instant.EPOCH, 1));
    }

    @Test
    void shouldSplitTypeScopeSubjectBodyAndFooters() {
        ConventionalCommit commit =
                parse("feat(api)!: add login\n\nLong body.\n\nRefs #12\nCloses #34\nBREAKING CHANGE: tokens expire");
        assertThat(commit.type()).isEqualTo("feat");
        assertThat(commit.scope()).isEqualTo("api");
        assertThat(commit.subject()).isEqualTo("add login");
        assertThat(commit.body()).startsWith("Long body.");
        // A written note wins over the "!" subject, as in conventional-commits-parser.
        assertThat(commit.breakingNotes()).containsExactly("tokens expire");
        assertThat(commit.references())
                .containsExactly(new IssueReference("refs", 12), new IssueReference("closes", 34));
        assertThat(commit.problems()).isEmpty();
    }

    @Test
    void shouldUseTheSubjectAsNoteForABang() {
        assertThat(parse("fix!: drop v1").breakingNotes()).containsExactly("drop v1");
    }

    @Test
    void shouldReadBothRevertForms() {
        String sha = "b".repeat(40);
        assertThat(parse("Revert \"feat: x\"\n\nThis reverts commit " + sha + ".")
                        .revert())
                .contains(new Revert("feat: x", sha));
        assertThat(parse("revert: feat: x\n\nThis reverts commit " + sha + ".").revert())
                .contains(new Revert("feat: x", sha));
        assertThat(parse("Revert \"feat: x\"").revert()).isEmpty();
    }

    @Test
    void shouldTreatMergesAsWellFormed() {
        ConventionalCommit merge = parse("Merge pull request #7 from acme/x");
        assertThat(merge.merge()).isTrue();
        assertThat(merge.problems()).isEmpty();
        assertThat(merge.type()).isEmpty();
    }

    @Test
    void shouldExplainMalformedHeaders() {
        assertThat(parse("update stuff").problems()).singleElement().asString().contains("does not match");
        assertThat(parse(": no type").problems()).singleElement().asString().contains("no type");
        assertThat(parse("Fix: x").problems()).singleElement().asString().contains("not lower-case");
        assertThat(parse("").problems()).containsExactly("empty commit message");
    }
}
