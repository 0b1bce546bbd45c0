package io.releasepilot.core.gate.junit;

import io.releasepilot.core.gate.Finding;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.gate.XmlReportInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * JUnit XML reports of Maven Surefire/Failsafe, Gradle, pytest, jest-junit, go-junit-report and similar: a {@code
 * <testsuites>} or bare {@code <testsuite>} root, suites nested at any depth, Surefire's {@code flakyFailure} /
 * {@code flakyError} (passed on a rerun) and {@code rerunFailure} / {@code rerunError} (failed on every run). Counts
 * come from the {@code <testcase>} elements, never from suite attributes, plus one errored case per suite that carries
 * an {@code <error>} or {@code <failure>} outside any test case (a test class that could not load: Ant and others
 * write {@code tests="1" errors="1"} with no {@code <testcase>}), named after the suite as the Jenkins JUnit plugin
 * does. Values: {@code total}, {@code passed},
 * {@code failures}, {@code errors}, {@code failed} (failures + errors), {@code skipped}, {@code flaky}, {@code
 * passRate} (passed / run, 0..1).
 *
 * <p>Findings: one per failing or erroring test case, suite-level errors included (the same classification as the
 * counts). The file is the
 * case's {@code file} attribute when the report has one (pytest, jest-junit), else a guess from {@code classname}
 * ({@code com.acme.FooTest} → {@code src/test/java/com/acme/FooTest.java}, nested classes folded into their outer
 * class); the line is the case's {@code line} attribute when present.
 */
public final class JunitGateSource implements GateSource {

    public static final String TYPE = "junit";

    /** A suite name that is a Java class name, so its source file can be guessed like a test case's. */
    private static final Pattern CLASS_NAME = Pattern.compile("[\\w$]+(\\.[\\w$]+)+");

    /** How many broken suites a note names; the findings list them all. */
    private static final int MAX_NAMED_SUITES = 3;

    /** The longest suite-level message a note or finding repeats (stack traces belong in the report). */
    private static final int MAX_MESSAGE = 200;

    private final List<Path> files;
    private final long maxBytes;

    public JunitGateSource(List<Path> files) {
        this(files, XmlReportInput.DEFAULT_MAX_BYTES);
    }

    public JunitGateSource(List<Path> files, long maxBytes) {
        this.files = List.copyOf(files);
        this.maxBytes = maxBytes;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Observation observe() {
        String origin = files.stream().map(Path::toString).collect(Collectors.joining(", "));
        if (files.isEmpty()) {
            return Observation.unavailable(TYPE, "(no file)", "no JUnit XML report file matched");
        }
        JunitTotals totals = JunitTotals.NONE;
        List<SuiteProblem> suiteProblems = new ArrayList<>();
        for (Path file : files) {
            Readout readout = read(file, maxBytes);
            totals = totals.plus(readout.totals());
            suiteProblems.addAll(readout.suiteProblems());
        }
        if (totals.total() == 0) {
            return Observation.unavailable(TYPE, origin, "the JUnit reports contain no test cases");
        }
        return Observation.of(TYPE, origin, values(totals)).withNotes(notes(suiteProblems));
    }

    /** Why the counts hold errors no test case shows: the suites that broke outside their cases, a few by name. */
    private static List<String> notes(List<SuiteProblem> problems) {
        if (problems.isEmpty()) {
            return List.of();
        }
        List<String> named = problems.stream()
                .limit(MAX_NAMED_SUITES)
                .map(problem -> problem.suite() + ": " + problem.message())
                .toList();
        String more =
                problems.size() > MAX_NAMED_SUITES ? "; and " + (problems.size() - MAX_NAMED_SUITES) + " more" : "";
        return List.of(problems.size() + (problems.size() == 1 ? " suite" : " suites")
                + " errored outside any test case (e.g. the test class could not load), counted as one errored case"
                + " each: " + String.join("; ", named) + more);
    }

    @Override
    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            findings.addAll(findings(file, maxBytes));
        }
        return List.copyOf(findings);
    }

    /** The failing and erroring test cases of one report file, streaming, with the same limits as {@link #parse}. */
    public static List<Finding> findings(Path file, long maxBytes) {
        try (XmlReportInput input = XmlReportInput.open(file, maxBytes)) {
            try {
                return scan(input);
            } catch (XMLStreamException | RuntimeException e) {
                if (e instanceof io.releasepilot.core.InvalidInputException invalid) {
                    throw invalid;
                }
                throw input.problem(e);
            }
        }
    }

    private static List<Finding> scan(XmlReportInput input) throws XMLStreamException {
        XMLStreamReader reader = input.reader();
        List<Finding> findings = new ArrayList<>();
        boolean rootSeen = false;
        int caseDepth = -1;
        int depth = 0;
        CaseOutcome outcome = new CaseOutcome();
        String classname = "";
        String name = "";
        String fileAttribute = null;
        String lineAttribute = null;
        String message = null;
        Suites suites = new Suites(input.file());
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String element = reader.getLocalName();
                if (!rootSeen) {
                    rootSeen = true;
                    if (!element.equals("testsuites") && !element.equals("testsuite")) {
                        throw input.problem("not a JUnit XML report: the root element is <" + element
                                + ">, expected <testsuites> or <testsuite>");
                    }
                }
                if (caseDepth < 0 && suites.start(reader, element, depth)) {
                    continue;
                }
                if (caseDepth < 0 && element.equals("testcase")) {
                    caseDepth = depth;
                    outcome.reset(reader.getAttributeValue(null, "status"));
                    classname = attribute(reader, "classname");
                    name = attribute(reader, "name");
                    fileAttribute = reader.getAttributeValue(null, "file");
                    lineAttribute = reader.getAttributeValue(null, "line");
                    message = null;
                } else if (caseDepth >= 0 && depth == caseDepth + 1) {
                    outcome.child(element);
                    if (message == null && isProblem(element)) {
                        String text = attribute(reader, "message");
                        message = text.isBlank() ? attribute(reader, "type") : text;
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == caseDepth) {
                    caseDepth = -1;
                    Kind kind = outcome.classify();
                    if (kind == Kind.ERROR || kind == Kind.FAILURE) {
                        String title = classname.isBlank() ? name : classname + "." + name;
                        String text = message == null || message.isBlank()
                                ? (kind == Kind.ERROR ? "test errored" : "test failed")
                                : message;
                        findings.add(new Finding(
                                fileOf(fileAttribute, classname),
                                lineOf(lineAttribute),
                                title.isBlank() ? "test case" : title,
                                text,
                                Finding.Level.ERROR));
                    }
                }
                if (caseDepth < 0) {
                    suites.end(depth)
                            .ifPresent(problem -> findings.add(new Finding(
                                    problem.file(),
                                    null,
                                    problem.suite(),
                                    "errored outside any test case (counted as one errored case): " + problem.message(),
                                    Finding.Level.ERROR)));
                }
                depth--;
            }
        }
        if (!rootSeen) {
            throw input.problem("not a JUnit XML report: no root element");
        }
        return findings;
    }

    private static boolean isProblem(String element) {
        return switch (element) {
            case "failure", "error", "rerunFailure", "rerunError" -> true;
            default -> false;
        };
    }

    private static String attribute(XMLStreamReader reader, String name) {
        String value = reader.getAttributeValue(null, name);
        return value == null ? "" : value.trim();
    }

    /** The report's file attribute, else the conventional Maven/Gradle source path of the test class. */
    static String fileOf(String fileAttribute, String classname) {
        if (fileAttribute != null && !fileAttribute.isBlank()) {
            return fileAttribute.trim().replace('\\', '/');
        }
        if (classname.isBlank()) {
            return "(unknown test file)";
        }
        String outer = classname.contains("$") ? classname.substring(0, classname.indexOf('$')) : classname;
        return "src/test/java/" + outer.replace('.', '/') + ".java";
    }

    private static Integer lineOf(String value) {
        if (value == null) {
            return null;
        }
        try {
            int line = Integer.parseInt(value.trim());
            return line >= 1 ? line : null;
        } catch (NumberFormatException e) {
            // Some dialects write non-numeric positions; a finding without a line is still useful.
            return null;
        }
    }

    /** The observation values of {@code totals}, under the names objectives use. */
    public static Map<String, Double> values(JunitTotals totals) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("total", (double) totals.total());
        values.put("passed", (double) totals.passed());
        values.put("failures", (double) totals.failures());
        values.put("errors", (double) totals.errors());
        values.put("failed", (double) (totals.failures() + totals.errors()));
        values.put("skipped", (double) totals.skipped());
        values.put("flaky", (double) totals.flaky());
        long run = totals.total() - totals.skipped();
        values.put("passRate", run == 0 ? Double.NaN : (double) totals.passed() / run);
        values.values().removeIf(value -> value.isNaN());
        return values;
    }

    /** Counts the test cases of one report file, streaming, in bounded memory. */
    public static JunitTotals parse(Path file, long maxBytes) {
        return read(file, maxBytes).totals();
    }

    /** The counts of one report file and the suites among them that broke outside any test case. */
    static Readout read(Path file, long maxBytes) {
        try (XmlReportInput input = XmlReportInput.open(file, maxBytes)) {
            try {
                return count(input);
            } catch (XMLStreamException | RuntimeException e) {
                if (e instanceof io.releasepilot.core.InvalidInputException invalid) {
                    throw invalid;
                }
                throw input.problem(e);
            }
        }
    }

    private static Readout count(XmlReportInput input) throws XMLStreamException {
        XMLStreamReader reader = input.reader();
        long total = 0;
        long failures = 0;
        long errors = 0;
        long skipped = 0;
        long flaky = 0;
        boolean rootSeen = false;
        int caseDepth = -1;
        int depth = 0;
        CaseOutcome outcome = new CaseOutcome();
        Suites suites = new Suites(input.file());
        List<SuiteProblem> suiteProblems = new ArrayList<>();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = reader.getLocalName();
                if (!rootSeen) {
                    rootSeen = true;
                    if (!name.equals("testsuites") && !name.equals("testsuite")) {
                        throw input.problem("not a JUnit XML report: the root element is <" + name
                                + ">, expected <testsuites> or <testsuite>");
                    }
                }
                if (caseDepth < 0 && suites.start(reader, name, depth)) {
                    continue;
                }
                if (caseDepth < 0 && name.equals("testcase")) {
                    caseDepth = depth;
                    outcome.reset(reader.getAttributeValue(null, "status"));
                } else if (caseDepth >= 0 && depth == caseDepth + 1) {
                    outcome.child(name);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == caseDepth) {
                    caseDepth = -1;
                    total++;
                    switch (outcome.classify()) {
                        case ERROR -> errors++;
                        case FAILURE -> failures++;
                        case SKIPPED -> skipped++;
                        case FLAKY -> flaky++;
                        default -> {}
                    }
                }
                if (caseDepth < 0) {
                    var problem = suites.end(depth);
                    if (problem.isPresent()) {
                        total++;
                        errors++;
                        suiteProblems.add(problem.get());
                    }
                }
                depth--;
            }
        }
        if (!rootSeen) {
            throw input.problem("not a JUnit XML report: no root element");
        }
        return new Readout(new JunitTotals(total, failures, errors, skipped, flaky), suiteProblems);
    }

    /** One report file: its counts, suite-level errors included, and those suites. */
    record Readout(JunitTotals totals, List<SuiteProblem> suiteProblems) {
        Readout {
            suiteProblems = List.copyOf(suiteProblems);
        }
    }

    /**
     * A suite that carries an {@code <error>} or {@code <failure>} outside any test case.
     *
     * @param suite the suite's name ({@code package.name} when the suite gives a package)
     * @param file the suite's {@code file} attribute, else the guess from its name as for test cases
     * @param message the element's {@code message}, else its {@code type}, first line, shortened
     */
    record SuiteProblem(String suite, String file, String message) {}

    /**
     * The open {@code <testsuite>} elements and whether each carries a problem of its own (a direct {@code <error>}
     * or {@code <failure>} child): the Jenkins JUnit plugin counts such a suite as one errored case.
     */
    private static final class Suites {
        private final Path report;
        private final java.util.ArrayDeque<Frame> open = new java.util.ArrayDeque<>();

        Suites(Path report) {
            this.report = report;
        }

        /** Tracks {@code element} if it opens a suite or is a suite's own problem; true if it was either. */
        boolean start(XMLStreamReader reader, String element, int depth) {
            if (element.equals("testsuite")) {
                open.push(new Frame(depth, suiteName(reader), reader.getAttributeValue(null, "file")));
                return true;
            }
            Frame suite = open.peek();
            if (suite != null && depth == suite.depth + 1 && isSuiteProblem(element)) {
                if (suite.message == null) {
                    String text = attribute(reader, "message");
                    suite.message = text.isBlank() ? attribute(reader, "type") : text;
                }
                return true;
            }
            return false;
        }

        /** The suite that ends at {@code depth}, if it carried a problem of its own. */
        Optional<SuiteProblem> end(int depth) {
            Frame suite = open.peek();
            if (suite == null || suite.depth != depth) {
                return Optional.empty();
            }
            open.pop();
            if (suite.message == null) {
                return Optional.empty();
            }
            String file = suite.file != null && !suite.file.isBlank()
                    ? fileOf(suite.file, "")
                    : CLASS_NAME.matcher(suite.name).matches() ? fileOf(null, suite.name) : "(unknown test file)";
            return Optional.of(new SuiteProblem(suite.name, file, shortened(suite.message)));
        }

        private String suiteName(XMLStreamReader reader) {
            String name = attribute(reader, "name");
            if (name.isEmpty()) {
                return "(unnamed suite in " + report.getFileName() + ")";
            }
            String pkg = attribute(reader, "package");
            return pkg.isEmpty() || name.startsWith(pkg + ".") ? name : pkg + "." + name;
        }

        private static boolean isSuiteProblem(String element) {
            return element.equals("error") || element.equals("failure");
        }

        private static String shortened(String message) {
            if (message.isBlank()) {
                return "no message";
            }
            String first = message.strip().lines().findFirst().orElse("").strip();
            return first.length() <= MAX_MESSAGE ? first : first.substring(0, MAX_MESSAGE - 1) + "…";
        }

        private static final class Frame {
            private final int depth;
            private final String name;
            private final String file;
            private String message;

            Frame(int depth, String name, String file) {
                this.depth = depth;
                this.name = name;
                this.file = file;
            }
        }
    }

    private enum Kind {
        PASSED,
        FLAKY,
        SKIPPED,
        FAILURE,
        ERROR
    }

    /** What the children of one {@code <testcase>} say about it. */
    private static final class CaseOutcome {
        private boolean failure;
        private boolean error;
        private boolean skipped;
        private boolean rerunFailure;
        private boolean rerunError;
        private boolean flaky;

        void reset(String status) {
            failure = false;
            error = false;
            rerunFailure = false;
            rerunError = false;
            flaky = false;
            // Some dialects (CTest, xunit2) mark skipped cases with a status attribute instead of an element.
            skipped = status != null
                    && (status.equalsIgnoreCase("skipped")
                            || status.equalsIgnoreCase("notrun")
                            || status.equalsIgnoreCase("disabled"));
        }

        void child(String name) {
            switch (name) {
                case "failure" -> failure = true;
                case "error" -> error = true;
                case "skipped" -> skipped = true;
                case "rerunFailure" -> rerunFailure = true;
                case "rerunError" -> rerunError = true;
                case "flakyFailure", "flakyError" -> flaky = true;
                default -> {}
            }
        }

        Kind classify() {
            if (error || (rerunError && !failure)) {
                return Kind.ERROR;
            }
            if (failure || rerunFailure) {
                return Kind.FAILURE;
            }
            if (skipped) {
                return Kind.SKIPPED;
            }
            return flaky ? Kind.FLAKY : Kind.PASSED;
        }
    }
}
