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
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * JUnit XML reports of Maven Surefire/Failsafe, Gradle, pytest, jest-junit, go-junit-report and similar: a {@code
 * <testsuites>} or bare {@code <testsuite>} root, suites nested at any depth, Surefire's {@code flakyFailure} /
 * {@code flakyError} (passed on a rerun) and {@code rerunFailure} / {@code rerunError} (failed on every run). Counts
 * come from the {@code <testcase>} elements, never from suite attributes. Values: {@code total}, {@code passed},
 * {@code failures}, {@code errors}, {@code failed} (failures + errors), {@code skipped}, {@code flaky}, {@code
 * passRate} (passed / run, 0..1).
 *
 * <p>Findings: one per failing or erroring test case (the same classification as the counts). The file is the
 * case's {@code file} attribute when the report has one (pytest, jest-junit), else a guess from {@code classname}
 * ({@code com.acme.FooTest} → {@code src/test/java/com/acme/FooTest.java}, nested classes folded into their outer
 * class); the line is the case's {@code line} attribute when present.
 */
public final class JunitGateSource implements GateSource {

    public static final String TYPE = "junit";

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
        for (Path file : files) {
            totals = totals.plus(parse(file, maxBytes));
        }
        if (totals.total() == 0) {
            return Observation.unavailable(TYPE, origin, "the JUnit reports contain no test cases");
        }
        return Observation.of(TYPE, origin, values(totals));
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
                } else if (caseDepth < 0 && element.equals("testcase")) {
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
    static String fileOf(@Nullable String fileAttribute, String classname) {
        if (fileAttribute != null && !fileAttribute.isBlank()) {
            return fileAttribute.trim().replace('\\', '/');
        }
        if (classname.isBlank()) {
            return "(unknown test file)";
        }
        String outer = classname.contains("$") ? classname.substring(0, classname.indexOf('$')) : classname;
        return "src/test/java/" + outer.replace('.', '/') + ".java";
    }

    private static @Nullable Integer lineOf(@Nullable String value) {
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

    private static JunitTotals count(XmlReportInput input) throws XMLStreamException {
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
                } else if (caseDepth < 0 && name.equals("testcase")) {
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
                depth--;
            }
        }
        if (!rootSeen) {
            throw input.problem("not a JUnit XML report: no root element");
        }
        return new JunitTotals(total, failures, errors, skipped, flaky);
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
