package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventsCommandTest {
    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

    @Test
    void shouldParseAgesAndInstants() {
        assertThat(EventsCommand.parseSince("30m", NOW)).isEqualTo(Instant.parse("2026-02-01T11:30:00Z"));
        assertThat(EventsCommand.parseSince("2d", NOW)).isEqualTo(Instant.parse("2026-01-30T12:00:00Z"));
        assertThat(EventsCommand.parseSince("2026-01-01T00:00:00Z", NOW))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThatThrownBy(() -> EventsCommand.parseSince("yesterday", NOW))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--since");
    }

    @Test
    void shouldExitTwoWithoutAStackTraceOnABadSince() {
        StringWriter err = new StringWriter();

        int code = ReleasePilotCli.run(
                new PrintWriter(new StringWriter()), new PrintWriter(err), "events", "--since", "soon");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--since").doesNotContain("Exception");
    }
}
