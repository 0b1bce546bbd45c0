package io.releasepilot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.rollout.SignalCheck;
import io.releasepilot.core.spec.MissingDataAction;
import io.releasepilot.core.spec.Problem;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecFile;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.spec.Validated;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code release-pilot validate}: checks release-pilot.yml and prints every problem, one per line. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check a release spec and report every problem as file:line:column: path: message (hint).")
public final class ValidateCommand implements Callable<Integer> {
    @Option(
            names = "--spec",
            paramLabel = "FILE",
            defaultValue = "release-pilot.yml",
            description = "The spec to check (default: ${DEFAULT-VALUE}).")
    Path specFile;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Validated<SpecFile> read = SpecReader.readFile(specFile);
        Validated<ReleaseSpec> result = read.map(SpecFile::spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Problem> warnings = result.toOptional().map(this::warnings).orElse(List.of());
        // A canary with no signal at all is refused unless the spec says, in writing, to promote blind.
        List<Problem> refusals = result.toOptional().map(this::refusals).orElse(List.of());
        if (!refusals.isEmpty()) {
            if (output.json()) {
                out.println(json(read, refusals, List.of()));
            } else {
                for (Problem problem : refusals) {
                    err.println(problem.render());
                }
                err.println(refusals.size() + " problem(s) in " + specFile);
            }
            out.flush();
            err.flush();
            return ExitCode.BAD_INPUT.code();
        }
        if (output.json()) {
            out.println(json(read, read.problems(), warnings));
        } else if (result.isValid()) {
            // A warning does not fail validation (exit 0), but it comes first and on stderr, where problems go.
            for (Problem warning : warnings) {
                err.println(warning.render());
            }
            out.println(
                    summary(result.value()) + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warning(s) above"));
        } else {
            for (Problem problem : result.problems()) {
                err.println(problem.render());
            }
            err.println(result.problems().size() + " problem(s) in " + specFile);
        }
        out.flush();
        err.flush();
        return result.isValid() ? ExitCode.OK.code() : ExitCode.BAD_INPUT.code();
    }

    /**
     * What is valid but probably not meant: a blue-green watch window without signal, or a canary without signal
     * whose spec says {@code onMissingData: continue} (it promotes blind, as written).
     */
    private List<Problem> warnings(ReleaseSpec release) {
        if (refusesBlindCanary(release)) {
            return List.of();
        }
        return SignalCheck.of(release)
                .map(blind -> SpecReader.warning(specFile, blind.path(), blind.reason(), blind.hint()))
                .stream()
                .toList();
    }

    /** A canary with no signal at all, unless {@code rollback.onMissingData: continue} is written out. */
    private List<Problem> refusals(ReleaseSpec release) {
        if (!refusesBlindCanary(release)) {
            return List.of();
        }
        return SignalCheck.canary(release)
                .map(blind -> {
                    Problem at = SpecReader.warning(specFile, blind.path(), blind.reason(), blind.hint());
                    return new Problem(
                            at.file(),
                            at.line(),
                            at.column(),
                            blind.path(),
                            blind.reason(),
                            blind.hint() + "; or, to promote blind on purpose, write 'rollback: { onMissingData:"
                                    + " continue }'");
                })
                .stream()
                .toList();
    }

    private static boolean refusesBlindCanary(ReleaseSpec release) {
        return release.strategy().type() == ReleaseStrategy.CANARY
                && release.rollback().onMissingData() != MissingDataAction.CONTINUE
                && SignalCheck.canary(release).isPresent();
    }

    private String summary(ReleaseSpec release) {
        return "OK " + specFile + ": service " + release.service() + ", "
                + release.strategy().type().yamlName()
                + " strategy"
                + release.traffic().map(t -> " via " + t.router().yamlName()).orElse(", no router")
                + ", " + release.environments().size() + " environment(s), "
                + release.gates().objectives().size()
                + " gate objective(s), " + release.rollback().triggers().size() + " rollback trigger(s)";
    }

    private String json(Validated<SpecFile> result, List<Problem> problems, List<Problem> warnings) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("file", specFile.toString());
        root.put("valid", problems.isEmpty());
        if (problems.isEmpty()) {
            root.put("service", result.value().spec().service());
            root.put("specHash", result.value().hash());
        }
        add(root.putArray("problems"), problems);
        add(root.putArray("warnings"), warnings);
        return root.toString();
    }

    private static void add(ArrayNode array, List<Problem> problems) {
        for (Problem problem : problems) {
            array.addObject()
                    .put("file", problem.file())
                    .put("line", problem.line())
                    .put("column", problem.column())
                    .put("path", problem.path())
                    .put("message", problem.message())
                    .put("hint", problem.hint());
        }
    }
}
