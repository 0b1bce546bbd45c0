package io.releasepilot.cli;

import io.releasepilot.cli.actions.Annotation;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.application.GateCheck;
import io.releasepilot.core.gate.GateDefaults;
import io.releasepilot.core.gate.GateEvaluator;
import io.releasepilot.core.gate.GateReport;
import io.releasepilot.core.gate.GateVerdict;
import io.releasepilot.core.gate.ReportFiles;
import io.releasepilot.core.gate.jacoco.JacocoGateSource;
import io.releasepilot.core.gate.junit.JunitGateSource;
import io.releasepilot.core.gate.sarif.SarifGateSource;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code release-pilot gate}: evaluates quality gates on test, coverage and SARIF reports and prints the explained
 * verdict. Without {@code --spec} the seed's gates apply to the inputs given (all tests pass, line coverage ≥ 90 %,
 * no high/critical vulnerabilities). So do they when the gate action's {@code spec} input is left at its default and
 * that file does not exist: the action cannot tell a default from a value the user typed, so the CLI recognises the
 * default value arriving as an input rather than as a flag.
 */
@Command(
        name = "gate",
        mixinStandardHelpOptions = true,
        description = "Evaluate quality gates on JUnit, JaCoCo and SARIF reports.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the gate passed (PASS or WARNING)",
            "1:the gate failed",
            "2:bad input (malformed report, missing file, bad flag)",
            "3:INCONCLUSIVE: a source had no data or was unreachable, and that blocks"
        })
final class GateCommand implements Callable<Integer> {

    /** The default of the gate action's {@code spec} input (workflows/gate/action.yml; ActionInputsTest pins it). */
    static final String ACTION_DEFAULT_SPEC = "release-pilot.yml";

    @Option(names = "--spec", paramLabel = "FILE", description = "release-pilot.yml with the gates")
    Path specFile;

    @Option(
            names = "--release-version",
            paramLabel = "VERSION",
            defaultValue = "",
            description = "the version under test: replaces {{version}} in the spec's Prometheus queries")
    String releaseVersion;

    // split: an action's multi-line input (one glob per line) arrives as one default value.
    @Option(
            names = "--junit",
            paramLabel = "GLOB",
            split = "\\R",
            description = "JUnit XML report file or glob (repeatable)")
    List<String> junit = new ArrayList<>();

    @Option(names = "--jacoco", paramLabel = "FILE", split = "\\R", description = "JaCoCo XML report (repeatable)")
    List<String> jacoco = new ArrayList<>();

    @Option(names = "--sarif", paramLabel = "FILE", split = "\\R", description = "SARIF 2.1.0 file (repeatable)")
    List<String> sarif = new ArrayList<>();

    @Option(
            names = "--report",
            paramLabel = "GLOB",
            split = "\\R",
            description = "any report file or glob, sorted into JUnit, JaCoCo or SARIF by its content (repeatable)")
    List<String> anyReport = new ArrayList<>();

    @Option(
            names = "--warning-exit-code",
            paramLabel = "CODE",
            defaultValue = "0",
            description = "exit code for a WARNING verdict, for CI systems that mark a build unstable by exit code"
                    + " (default: ${DEFAULT-VALUE})")
    int warningExitCode;

    @Option(
            names = "--commit-status",
            arity = "0..1",
            fallbackValue = "true",
            description = "on GitHub Actions: set the release-pilot/gate commit status (needs a token)")
    boolean commitStatus;

    @Option(names = "--sha", paramLabel = "SHA", description = "commit for the commit status (default: GITHUB_SHA)")
    String sha;

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "text, json or markdown (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "write the report to FILE instead of stdout")
    Path output;

    @Option(
            names = "--environment",
            paramLabel = "ENV",
            description = "record the verdict on the release in progress for this environment (ledger), and take"
                    + " regression baselines from its last successful release")
    String environment;

    @Option(names = "--bypass", description = "bypass a failed gate (needs gates.bypass.authority; audited)")
    boolean bypass;

    @Option(
            names = "--actor",
            paramLabel = "NAME",
            description = "who bypasses, outside CI only (self-asserted, so it matches no bypass authority);"
                    + " in GitHub Actions the actor is GITHUB_ACTOR")
    String actor;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why (required with --bypass)")
    String reason;

    @CommandLine.Mixin
    LedgerOptions ledger;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    ReleasePilotCli root;

    @Override
    public Integer call() {
        try (ActionsStep step = ActionsStep.open(spec)) {
            return call(step);
        }
    }

    private Integer call(ActionsStep step) {
        Path base = Path.of("").toAbsolutePath();
        WorkspacePaths workspace = WorkspacePaths.of(root.environment().variables());
        if (specFile != null) {
            workspace.file("--spec", specFile);
        }
        Map<String, List<Path>> reports = new LinkedHashMap<>();
        addFiles(reports, base, workspace, JunitGateSource.TYPE, junit);
        addFiles(reports, base, workspace, JacocoGateSource.TYPE, jacoco);
        addFiles(reports, base, workspace, SarifGateSource.TYPE, sarif);
        if (!anyReport.isEmpty()) {
            List<Path> files = new ArrayList<>();
            for (String pattern : anyReport) {
                workspace.checkPattern("--report", pattern);
                files.addAll(workspace.files("--report", pattern, ReportFiles.expand(base, pattern)));
            }
            ReportFiles.classify(files)
                    .forEach((type, typed) -> reports.merge(type, typed, (a, b) -> {
                        List<Path> both = new ArrayList<>(a);
                        both.addAll(b);
                        return both;
                    }));
        }
        if (warningExitCode < 0 || warningExitCode > 125) {
            throw new InvalidInputException("--warning-exit-code must be 0..125, was " + warningExitCode);
        }
        Map<String, String> env = root.environment().variables();
        boolean seedForMissingDefault = missingDefaultSpec();
        ReleaseSpec releaseSpec = specFile == null || seedForMissingDefault
                ? null
                : SpecReader.read(specFile).value();
        if (releaseSpec == null && reports.isEmpty()) {
            throw new InvalidInputException(
                    seedForMissingDefault
                            ? "nothing to evaluate: there is no " + ACTION_DEFAULT_SPEC + " in "
                                    + Path.of("").toAbsolutePath() + " (the default of input spec) and no report"
                                    + " input: set junit, jacoco or sarif, or commit a " + ACTION_DEFAULT_SPEC
                            : "nothing to evaluate: give --junit, --jacoco or --sarif (or --spec)");
        }
        if (seedForMissingDefault) {
            seedNotice(step);
        }
        if (environment != null && releaseSpec == null) {
            throw new InvalidInputException("--environment needs --spec (the service name comes from the spec)");
        }
        if (bypass && (environment == null || reason == null)) {
            throw new InvalidInputException("--bypass needs --environment, --actor and --reason (it is audited)");
        }
        Optional<GateCheck.Bypass> asked =
                bypass ? Optional.of(new GateCheck.Bypass(ActorIdentity.of(actor, env), reason)) : Optional.empty();
        GateCheck.Result result = GateCheck.of(
                        releaseSpec, environment, ReleaseOptions.ports(env, () -> ledger.config(spec, step)))
                .run(new GateCheck.Inputs(reports, releaseVersion, asked));
        GateVerdict verdict = result.verdict();
        int exit = verdict.verdict() == Verdict.WARNING ? warningExitCode : exitCode(verdict.verdict());
        result.bypass()
                .ifPresent(decision -> spec.commandLine()
                        .getErr()
                        .println((decision.granted() ? "bypass granted: " : "bypass refused: ")
                                + decision.explanation()));
        if (result.bypassed()) {
            exit = ExitCode.OK.code();
        }
        step.group("Quality gate report", () -> {
            print(result.run().report(), verdict);
            return null;
        });
        if (step.active()) {
            new GateActionsReport(step).report(result, output, commitStatus, sha);
        }
        return exit;
    }

    /**
     * True when {@code --spec} holds the gate action's default, came from the action's inputs rather than the command
     * line, and names no file: then the seed gates apply, as for {@code gate} without {@code --spec}. With
     * {@code --environment} the spec stays required (the ledger needs its service name), so the missing file is
     * reported as usual.
     */
    private boolean missingDefaultSpec() {
        return specFile != null
                && specFile.equals(Path.of(ACTION_DEFAULT_SPEC))
                && !spec.commandLine().getParseResult().hasMatchedOption("--spec")
                && (environment == null || environment.isBlank())
                && !Files.exists(specFile);
    }

    private String seedNote() {
        return "No " + ACTION_DEFAULT_SPEC + " in the workspace (the default of input spec), so the seed gates apply"
                + " to the reports given: no failed tests, line coverage ≥ "
                + Math.round(GateDefaults.MIN_LINE_COVERAGE * 100)
                + " %, no high or critical vulnerabilities. Commit a " + ACTION_DEFAULT_SPEC
                + " or set input spec to choose your own gates.";
    }

    /** Says in the log (a notice annotation on a runner) and in the job summary that the seed gates were used. */
    private void seedNotice(ActionsStep step) {
        if (step.active()) {
            step.annotate(Annotation.notice(seedNote()).withTitle("Release Pilot: seed gates"));
            step.summary("> **Seed gates.** " + seedNote() + "\n");
        } else {
            spec.commandLine().getErr().println("note: " + seedNote());
            spec.commandLine().getErr().flush();
        }
    }

    private void print(GateReport report, GateVerdict verdict) {
        String rendered = switch (format) {
            case json -> report.toJson();
            case markdown -> report.toMarkdown();
            case text -> report.toText();
        };
        if (output != null) {
            write(output, rendered);
            spec.commandLine()
                    .getOut()
                    .println("Quality gate: " + verdict.verdict() + " (score " + GateEvaluator.format(verdict.score())
                            + "), report written to " + output);
        } else {
            spec.commandLine().getOut().print(rendered);
        }
        spec.commandLine().getOut().flush();
    }

    static int exitCode(Verdict verdict) {
        return switch (verdict) {
            case PASS, WARNING -> ExitCode.OK.code();
            case FAIL -> ExitCode.FAILED.code();
            case INCONCLUSIVE -> ExitCode.INFRASTRUCTURE.code();
        };
    }

    private static void addFiles(
            Map<String, List<Path>> reports, Path base, WorkspacePaths workspace, String type, List<String> patterns) {
        if (patterns.isEmpty()) {
            return;
        }
        List<Path> files = new ArrayList<>();
        for (String pattern : patterns) {
            workspace.checkPattern("--" + type, pattern);
            files.addAll(workspace.files("--" + type, pattern, ReportFiles.expand(base, pattern)));
        }
        reports.put(type, files);
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write --output " + file + ": " + e.getMessage(), e);
        }
    }
}
