package io.releasepilot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.rollout.SignalCheck;
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
        if (output.json()) {
            out.println(json(read, warnings));
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

    /** What is valid but probably not meant: a release strategy that would promote without looking at any data. */
    private List<Problem> warnings(ReleaseSpec release) {
        return SignalCheck.of(release)
                .map(blind -> SpecReader.warning(specFile, blind.path(), blind.reason(), blind.hint()))
                .stream()
                .toList();
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

    private String json(Validated<SpecFile> result, List<Problem> warnings) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("file", specFile.toString());
        root.put("valid", result.isValid());
        if (result.isValid()) {
            root.put("service", result.value().spec().service());
            root.put("specHash", result.value().hash());
        }
        add(root.putArray("problems"), result.problems());
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
