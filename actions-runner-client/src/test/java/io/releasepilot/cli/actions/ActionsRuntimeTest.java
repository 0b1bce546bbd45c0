package io.releasepilot.cli.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionsRuntimeTest {

    @TempDir
    Path dir;

    private final StringWriter stdout = new StringWriter();

    private ActionsRuntime runtime(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", dir.resolve("output").toString());
        env.put("GITHUB_ENV", dir.resolve("env").toString());
        env.put("GITHUB_STEP_SUMMARY", dir.resolve("summary").toString());
        env.putAll(extra);
        return ActionsRuntime.start(ActionsContext.from(RunnerEnvironment.of(env)), new PrintWriter(stdout));
    }

    private List<String> lines() {
        return stdout.toString().lines().toList();
    }

    /** Parses a GITHUB_OUTPUT file the way the runner's SetEnvFileCommand does. */
    static Map<String, String> parseEnvFile(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            int heredoc = line.indexOf("<<");
            if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
                continue;
            }
            String name = line.substring(0, heredoc);
            String delimiter = line.substring(heredoc + 2);
            StringBuilder value = new StringBuilder();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).equals(delimiter)) {
                value.append(value.length() == 0 && j == i + 1 ? "" : "\n").append(lines.get(j));
                j++;
            }
            if (j == lines.size()) {
                throw new IllegalStateException("Matching delimiter not found '" + delimiter + "'");
            }
            values.put(name, value.toString());
            i = j;
        }
        return values;
    }

    @Test
    void shouldMaskEverySecretBeforeAnythingElse() {
        try (ActionsRuntime runtime = runtime(Map.of(
                "RP_INPUTS", "{\"github-token\":\"ghs_tok\",\"api-key\":\"line1\\nline%2\",\"spec\":\"x.yml\"}",
                "GITHUB_TOKEN", "ghs_env"))) {
            runtime.log("hello");
        }

        assertThat(lines()).hasSize(5).last().isEqualTo("hello");
        assertThat(lines().subList(0, 4))
                .containsExactlyInAnyOrder(
                        "::add-mask::ghs_tok", "::add-mask::line1", "::add-mask::line%252", "::add-mask::ghs_env");
    }

    @Test
    void shouldWriteOutputsInTheHeredocFormWithADelimiterAbsentFromTheValue() throws IOException {
        String tricky = "line one\nname=value\nghadelimiter_x\n<<EOF";
        try (ActionsRuntime runtime = runtime(Map.of())) {
            runtime.setOutput("result", "passed");
            runtime.setOutput("report", tricky);
            runtime.exportVariable("RP_RELEASE_ID", "rel-17");
        }

        String raw = Files.readString(dir.resolve("output"));
        assertThat(raw).startsWith("result<<ghadelimiter_");
        assertThat(parseEnvFile(dir.resolve("output")))
                .containsExactly(Map.entry("result", "passed"), Map.entry("report", tricky));
        assertThat(parseEnvFile(dir.resolve("env"))).containsExactly(Map.entry("RP_RELEASE_ID", "rel-17"));
        assertThat(ActionsRuntime.keyValueRecord("a", "v")).isNotEqualTo(ActionsRuntime.keyValueRecord("a", "v"));
    }

    @Test
    void shouldEscapeAnnotationPropertiesAndData() {
        Annotation annotation = Annotation.error("50% failed\r\nsee log")
                .withTitle("Gate: p95, error")
                .at("src/a,b:c.java", 10, 12);

        assertThat(ActionsRuntime.format(annotation, true))
                .isEqualTo("::error file=src/a%2Cb%3Ac.java,line=10,endLine=12,title=Gate%3A p95%2C error"
                        + "::50%25 failed%0D%0Asee log");
        assertThat(ActionsRuntime.format(Annotation.notice("plain"), true)).isEqualTo("::notice::plain");
        assertThat(ActionsRuntime.format(Annotation.warning("w").at("a.java", 3), false))
                .isEqualTo("warning: a.java:3: w");
    }

    @Test
    void shouldPrintAtMostFiftyAnnotationsAndCountTheRest() {
        try (ActionsRuntime runtime = runtime(Map.of())) {
            for (int i = 1; i <= 57; i++) {
                runtime.annotate(Annotation.error("finding " + i).at("F.java", i));
            }
            assertThat(runtime.annotationsPrinted()).isEqualTo(50);
            assertThat(runtime.annotationsSuppressed()).isEqualTo(7);
        }

        assertThat(lines().stream().filter(l -> l.startsWith("::error ")).toList())
                .hasSize(50)
                .last()
                .isEqualTo("::error file=F.java,line=50::finding 50");
        assertThat(lines())
                .last()
                .asString()
                .startsWith("::notice title=Release Pilot::7 more annotation(s) not shown (limit 50");
    }

    @Test
    void shouldWrapLogsInGroupsAndUntrustedTextInStopCommands() {
        try (ActionsRuntime runtime = runtime(Map.of())) {
            String value = runtime.group("Canary step 2/4", () -> {
                runtime.log("weight 25%");
                return "done";
            });
            assertThat(value).isEqualTo("done");
            runtime.startGroup("left open");
            runtime.logUntrusted("::error::injected");
        }

        List<String> lines = lines();
        assertThat(lines.subList(0, 3)).containsExactly("::group::Canary step 2/4", "weight 25%", "::endgroup::");
        assertThat(lines.get(3)).isEqualTo("::group::left open");
        String token = lines.get(4).substring("::stop-commands::".length());
        assertThat(lines.subList(4, 8))
                .containsExactly("::stop-commands::" + token, "::error::injected", "::" + token + "::", "::endgroup::");
    }

    @Test
    void shouldAppendTheSummaryAndTruncateItAtOneMebibyteWithANote() throws IOException {
        String line = "| metric | value | ✓ |\n";
        String big = line.repeat(60_000);
        try (ActionsRuntime runtime = runtime(Map.of())) {
            runtime.appendSummary("# Release Pilot\n");
            runtime.appendSummary(big);
            runtime.appendSummary("## never shown\n");
            assertThat(runtime.summaryBytesDropped()).isGreaterThan(0);
        }

        byte[] written = Files.readAllBytes(dir.resolve("summary"));
        String text = new String(written, StandardCharsets.UTF_8);
        assertThat(written.length).isLessThanOrEqualTo((int) ActionsRuntime.SUMMARY_LIMIT_BYTES);
        assertThat(written.length).isGreaterThan((int) ActionsRuntime.SUMMARY_LIMIT_BYTES - 1000);
        assertThat(text)
                .startsWith("# Release Pilot\n")
                .contains("**Report truncated:**")
                .doesNotContain("never shown");
        assertThat(text.substring(0, text.indexOf("> **Report truncated")).strip())
                .as("cut at a line end")
                .endsWith("| ✓ |");
    }

    @Test
    void shouldKeepASmallSummaryWhole() throws IOException {
        try (ActionsRuntime runtime = runtime(Map.of())) {
            runtime.appendSummary("# Gate PASS\n");
            runtime.appendSummary("| a | b |\n");
        }

        assertThat(Files.readString(dir.resolve("summary"))).isEqualTo("# Gate PASS\n| a | b |\n");
    }

    @Test
    void shouldPrintPlainLinesOutsideActions() {
        StringWriter text = new StringWriter();
        ActionsContext local = ActionsContext.from(RunnerEnvironment.of(Map.of("GITHUB_TOKEN", "ghs_local")));
        try (ActionsRuntime runtime = ActionsRuntime.start(local, new PrintWriter(text))) {
            runtime.group("step", () -> runtime.log("inside"));
            runtime.annotate(Annotation.error("bad").withTitle("Gate"));
            runtime.appendSummary("# Report");
            runtime.setOutput("result", "passed");
        }

        assertThat(text.toString().lines().toList())
                .containsExactly("== step", "inside", "error: Gate: bad", "# Report");
    }

    @Test
    void shouldTakeOptionDefaultsFromInputs() {
        Map<String, String> env = new HashMap<>();
        env.put("RP_INPUTS", "{\"spec\":\"prod.yml\",\"dry-run\":\"true\"}");
        ActionsContext context = ActionsContext.from(RunnerEnvironment.of(env));

        @picocli.CommandLine.Command(name = "probe")
        class Probe implements Runnable {
            @picocli.CommandLine.Option(names = "--spec", defaultValue = "release-pilot.yml")
            String spec;

            @picocli.CommandLine.Option(names = "--environment", defaultValue = "staging")
            String environment;

            @picocli.CommandLine.Option(names = "--dry-run")
            boolean dryRun;

            @Override
            public void run() {}
        }
        Probe probe = new Probe();
        new picocli.CommandLine(probe)
                .setDefaultValueProvider(new ActionsDefaultValueProvider(context))
                .parseArgs();
        assertThat(probe.spec).isEqualTo("prod.yml");
        assertThat(probe.environment).isEqualTo("staging");
        assertThat(probe.dryRun).isTrue();

        Probe explicit = new Probe();
        new picocli.CommandLine(explicit)
                .setDefaultValueProvider(new ActionsDefaultValueProvider(context))
                .parseArgs("--spec", "cli.yml");
        assertThat(explicit.spec).isEqualTo("cli.yml");
    }
}
