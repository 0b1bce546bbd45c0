package io.releasepilot.core.gate.sarif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.Finding;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SARIF 2.1.0 logs (CodeQL, Semgrep, Trivy, Grype, SpotBugs…). A result's level is its own {@code level}, else its
 * rule's {@code defaultConfiguration.level}, else {@code warning} (or {@code none} for a result whose {@code kind} is
 * not {@code fail}, as SARIF §3.27.10 says). Its security severity is {@code properties["security-severity"]} of the
 * result, else of its rule; 7.0 or more is high or critical. Values: {@code error}, {@code warning}, {@code note},
 * {@code none}, {@code total}, {@code highOrCritical}, {@code critical}.
 *
 * <p>Findings: one per result whose level is {@code error}, {@code warning} or {@code note}, at its first
 * location's {@code physicalLocation.artifactLocation.uri} and {@code region.startLine}, titled with the
 * {@code ruleId}.
 */
public final class SarifGateSource implements GateSource {

    public static final String TYPE = "sarif";

    /** Default byte limit of one SARIF file (it is read as a tree). */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double HIGH = 7.0;
    private static final double CRITICAL = 9.0;

    private final List<Path> files;
    private final long maxBytes;

    public SarifGateSource(List<Path> files) {
        this(files, DEFAULT_MAX_BYTES);
    }

    public SarifGateSource(List<Path> files, long maxBytes) {
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
            return Observation.unavailable(TYPE, "(no file)", "no SARIF file matched");
        }
        SarifTotals totals = SarifTotals.NONE;
        for (Path file : files) {
            totals = totals.plus(parse(file, maxBytes));
        }
        String origin = files.stream().map(Path::toString).collect(Collectors.joining(", "));
        return Observation.of(TYPE, origin, values(totals));
    }

    /** The observation values of {@code totals}. */
    public static Map<String, Double> values(SarifTotals totals) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("error", (double) totals.error());
        values.put("warning", (double) totals.warning());
        values.put("note", (double) totals.note());
        values.put("none", (double) totals.none());
        values.put("total", (double) totals.total());
        values.put("highOrCritical", (double) totals.highOrCritical());
        values.put("critical", (double) totals.critical());
        return values;
    }

    @Override
    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            findings.addAll(findings(file, maxBytes));
        }
        return List.copyOf(findings);
    }

    /** The results of every run of one SARIF file as findings, read with the same checks as {@link #parse}. */
    public static List<Finding> findings(Path file, long maxBytes) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode run : read(file, maxBytes).path("runs")) {
            JsonNode driverRules = run.path("tool").path("driver").path("rules");
            Map<String, JsonNode> rulesById = new HashMap<>();
            for (JsonNode rule : driverRules) {
                rulesById.putIfAbsent(rule.path("id").asText(""), rule);
            }
            for (JsonNode result : run.path("results")) {
                JsonNode rule = ruleOf(result, driverRules, rulesById);
                Finding.Level level = switch (level(result, rule)) {
                    case "error" -> Finding.Level.ERROR;
                    case "note" -> Finding.Level.NOTICE;
                    case "none" -> null;
                    default -> Finding.Level.WARNING;
                };
                if (level == null) {
                    continue;
                }
                JsonNode physical = result.path("locations").path(0).path("physicalLocation");
                String uri = physical.path("artifactLocation").path("uri").asText("");
                int line = physical.path("region").path("startLine").asInt(0);
                String ruleId = result.path("ruleId")
                        .asText(result.path("rule").path("id").asText(""));
                String message = result.path("message").path("text").asText("");
                findings.add(new Finding(
                        uri.isBlank() ? file.toString() : stripFileScheme(uri),
                        line >= 1 ? line : null,
                        ruleId.isBlank() ? "SARIF result" : ruleId,
                        message.isBlank() ? (ruleId.isBlank() ? "finding" : ruleId) : message,
                        level));
            }
        }
        return findings;
    }

    private static String stripFileScheme(String uri) {
        return uri.startsWith("file://") ? uri.substring("file://".length()) : uri;
    }

    /** Counts the results of every run of one SARIF file. */
    public static SarifTotals parse(Path file, long maxBytes) {
        SarifTotals totals = SarifTotals.NONE;
        for (JsonNode run : read(file, maxBytes).path("runs")) {
            totals = totals.plus(countRun(run));
        }
        return totals;
    }

    private static JsonNode read(Path file, long maxBytes) {
        JsonNode log;
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(file + ": no such SARIF file");
            }
            if (Files.size(file) > maxBytes) {
                throw new InvalidInputException(
                        file + ": " + Files.size(file) + " bytes exceeds the SARIF size limit of " + maxBytes);
            }
            try (InputStream in = Files.newInputStream(file)) {
                log = MAPPER.readTree(in);
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(
                    file + ": not valid SARIF JSON: " + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " at line " + e.getLocation().getLineNr()),
                    e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read SARIF file: " + e.getMessage(), e);
        }
        if (log == null || !log.isObject()) {
            throw new InvalidInputException(file + ": not a SARIF log (expected a JSON object)");
        }
        String version = log.path("version").asText("");
        if (!version.equals("2.1.0")) {
            throw new InvalidInputException(
                    file + ": SARIF version '" + version + "' is not supported; expected \"version\": \"2.1.0\"");
        }
        if (!log.path("runs").isArray()) {
            throw new InvalidInputException(file + ": not a SARIF log: no \"runs\" array");
        }
        return log;
    }

    private static SarifTotals countRun(JsonNode run) {
        JsonNode driverRules = run.path("tool").path("driver").path("rules");
        Map<String, JsonNode> rulesById = new HashMap<>();
        for (JsonNode rule : driverRules) {
            rulesById.putIfAbsent(rule.path("id").asText(""), rule);
        }
        long error = 0;
        long warning = 0;
        long note = 0;
        long none = 0;
        long highOrCritical = 0;
        long critical = 0;
        for (JsonNode result : run.path("results")) {
            JsonNode rule = ruleOf(result, driverRules, rulesById);
            switch (level(result, rule)) {
                case "error" -> error++;
                case "note" -> note++;
                case "none" -> none++;
                default -> warning++;
            }
            double severity = securitySeverity(result, rule);
            if (severity >= HIGH) {
                highOrCritical++;
            }
            if (severity >= CRITICAL) {
                critical++;
            }
        }
        return new SarifTotals(error, warning, note, none, highOrCritical, critical);
    }

    private static JsonNode ruleOf(JsonNode result, JsonNode driverRules, Map<String, JsonNode> rulesById) {
        int index =
                result.path("ruleIndex").asInt(result.path("rule").path("index").asInt(-1));
        if (index >= 0 && index < driverRules.size()) {
            return driverRules.get(index);
        }
        String id = result.path("ruleId").asText(result.path("rule").path("id").asText(""));
        JsonNode rule = rulesById.get(id);
        if (rule == null && id.contains("/")) {
            // SARIF allows hierarchical ids ("CA2000/1"); the rule is the part before the first slash.
            rule = rulesById.get(id.substring(0, id.indexOf('/')));
        }
        return rule == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : rule;
    }

    private static String level(JsonNode result, JsonNode rule) {
        String level = result.path("level").asText("");
        if (level.isEmpty()) {
            String kind = result.path("kind").asText("fail");
            if (!kind.equals("fail")) {
                return "none";
            }
            level = rule.path("defaultConfiguration").path("level").asText("warning");
        }
        return level.toLowerCase(Locale.ROOT);
    }

    private static double securitySeverity(JsonNode result, JsonNode rule) {
        double fromResult = severity(result.path("properties").path("security-severity"));
        return Double.isNaN(fromResult) ? severity(rule.path("properties").path("security-severity")) : fromResult;
    }

    private static double severity(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText().trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
