package io.releasepilot.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangelogRendererTest {
    private static final String URL = "https://github.com/acme/shop";

    private static Commit commit(char c, String message) {
        return new Commit(String.valueOf(c).repeat(40), message, Instant.EPOCH, 1);
    }

    private static List<Commit> history() {
        Commit reverted = commit('9', "feat: short-lived");
        return List.of(
                commit('1', "Revert \"feat: short-lived\"\n\nThis reverts commit " + reverted.sha() + "."),
                commit('2', "feat(api)!: new auth flow\n\nBREAKING CHANGE: tokens from v1 are rejected, see #40"),
                commit('3', "fix(cart): round totals (#21)\n\nCloses #34"),
                commit('4', "perf: cache price lookups"),
                commit('5', "docs: readme"),
                commit('6', "Merge pull request #22 from acme/cart"),
                commit('7', "feat: gift cards\n\nRefs #12"),
                commit('8', "not conventional at all"),
                reverted);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ChangelogRendererTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldRenderTheGoldenChangelogWithLinks() throws IOException {
        String markdown = new ChangelogRenderer(Optional.of(URL + "/"))
                .render("2.0.0", Optional.of("v1.4.0"), Optional.of("v2.0.0"), LocalDate.of(2026, 3, 1), history());
        assertThat(markdown).isEqualTo(golden("changelog-with-links.md"));
    }

    @Test
    void shouldRenderTheGoldenChangelogWithoutRepositoryUrl() throws IOException {
        String markdown = new ChangelogRenderer(Optional.empty())
                .render("Unreleased", Optional.empty(), Optional.empty(), LocalDate.of(2026, 3, 1), history());
        assertThat(markdown).isEqualTo(golden("changelog-plain.md"));
    }

    @Test
    void shouldSayWhenThereIsNothingUserFacing() {
        String markdown = new ChangelogRenderer(Optional.empty())
                .render(
                        "1.0.0",
                        Optional.empty(),
                        Optional.empty(),
                        LocalDate.of(2026, 3, 1),
                        List.of(commit('5', "docs: readme")));
        assertThat(markdown).isEqualTo("## 1.0.0 (2026-03-01)\n\nNo user-facing changes.\n");
    }
}
