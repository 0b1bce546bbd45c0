package io.releasepilot.core.gate.jacoco;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.gate.XmlReportInput;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * JaCoCo XML reports ({@code jacoco.xml}). Its {@code <!DOCTYPE report … "report.dtd">} is skipped, never fetched.
 * Values are coverage ratios 0..1: {@code instruction}, {@code branch}, {@code line}, {@code method}, {@code class},
 * {@code complexity} for the whole report, and {@code line@com/example/app} etc. per package. Several files are
 * added up counter by counter (a multi-module build).
 */
public final class JacocoGateSource implements GateSource {

    public static final String TYPE = "jacoco";

    private final List<Path> files;
    private final long maxBytes;

    public JacocoGateSource(List<Path> files) {
        this(files, XmlReportInput.DEFAULT_MAX_BYTES);
    }

    public JacocoGateSource(List<Path> files, long maxBytes) {
        this.files = List.copyOf(files);
        this.maxBytes = maxBytes;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Observation observe() {
        if (files.isEmpty()) {
            return Observation.unavailable(TYPE, "(no file)", "no JaCoCo XML report file matched");
        }
        String origin = files.stream().map(Path::toString).collect(Collectors.joining(", "));
        JacocoCoverage coverage = JacocoCoverage.NONE;
        for (Path file : files) {
            coverage = coverage.plus(parse(file, maxBytes));
        }
        Map<String, Double> values = values(coverage);
        if (values.isEmpty()) {
            return Observation.unavailable(
                    TYPE, origin, "the JaCoCo reports contain no counters (nothing was covered)");
        }
        return Observation.of(TYPE, origin, values);
    }

    /** The observation values of {@code coverage}: overall ratios, then per-package ratios as {@code kind@package}. */
    public static Map<String, Double> values(JacocoCoverage coverage) {
        Map<String, Double> values = new LinkedHashMap<>();
        coverage.overall().forEach((kind, counter) -> {
            if (!Double.isNaN(counter.ratio())) {
                values.put(kind, counter.ratio());
            }
        });
        coverage.packages()
                .forEach((name, counters) -> counters.forEach((kind, counter) -> {
                    if (!Double.isNaN(counter.ratio())) {
                        values.put(kind + "@" + name, counter.ratio());
                    }
                }));
        return values;
    }

    /** Reads the report-level and package-level counters of one file, streaming. */
    public static JacocoCoverage parse(Path file, long maxBytes) {
        try (XmlReportInput input = XmlReportInput.open(file, maxBytes)) {
            try {
                return read(input);
            } catch (InvalidInputException e) {
                throw e;
            } catch (XMLStreamException | RuntimeException e) {
                throw input.problem(e);
            }
        }
    }

    private static JacocoCoverage read(XmlReportInput input) throws XMLStreamException {
        XMLStreamReader reader = input.reader();
        Deque<String> path = new ArrayDeque<>();
        Map<String, CoverageCounter> overall = new LinkedHashMap<>();
        Map<String, Map<String, CoverageCounter>> packages = new LinkedHashMap<>();
        String currentPackage = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                if (path.isEmpty() && !name.equals("report")) {
                    throw input.problem(
                            "not a JaCoCo XML report: the root element is <" + name + ">, expected <report>");
                }
                String parent = path.peek();
                if (name.equals("package") && currentPackage == null) {
                    currentPackage = attribute(input, "name");
                } else if (name.equals("counter") && ("report".equals(parent) || "package".equals(parent))) {
                    String kind = attribute(input, "type").toLowerCase(Locale.ROOT);
                    CoverageCounter counter = new CoverageCounter(number(input, "missed"), number(input, "covered"));
                    if ("report".equals(parent)) {
                        overall.merge(kind, counter, CoverageCounter::plus);
                    } else {
                        packages.computeIfAbsent(currentPackage, p -> new LinkedHashMap<>())
                                .merge(kind, counter, CoverageCounter::plus);
                    }
                }
                path.push(name);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (path.pop().equals("package")) {
                    currentPackage = null;
                }
            }
        }
        if (overall.isEmpty() && path.isEmpty() && packages.isEmpty()) {
            return JacocoCoverage.NONE;
        }
        return new JacocoCoverage(overall, packages);
    }

    private static String attribute(XmlReportInput input, String name) {
        String value = input.reader().getAttributeValue(null, name);
        if (value == null) {
            throw input.problem("<" + input.reader().getLocalName() + "> has no '" + name + "' attribute");
        }
        return value;
    }

    private static long number(XmlReportInput input, String name) {
        String value = attribute(input, name);
        try {
            long number = Long.parseLong(value.trim());
            if (number < 0) {
                throw input.problem("counter attribute '" + name + "' is negative: " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw input.problem("counter attribute '" + name + "' is not a number: " + value);
        }
    }
}
