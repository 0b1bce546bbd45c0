package io.releasepilot.core.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys the reader knows, per mapping. A mapping is named by its path with list indexes written {@code []}
 * ({@code strategy.canary.steps[]}); the root is {@code ""}. The schema test compares this catalog with
 * docs/release-pilot.schema.json, so the reader, the schema and the example cannot drift apart.
 */
public final class SpecKeys {
    /** Mappings whose keys are the user's names (query names), not fixed keys. */
    public static final Set<String> FREE_FORM = Set.of(
            "strategy.canary.steps[].criteria",
            "metrics.prometheus.queries",
            "environments[].metricLabels",
            "traffic.haproxy.slots",
            "traffic.nginx.slots",
            "traffic.command.slots");

    /**
     * Mappings with the same keys as another: an environment's own {@code traffic} is checked against {@code
     * traffic}'s keys (the schema refers to the one definition).
     */
    public static final Map<String, String> ALIASES = Map.of("environments[].traffic", "traffic");

    /** {@code path} with an aliased prefix replaced by what it stands for. */
    public static String canonical(String path) {
        for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
            if (path.equals(alias.getKey()) || path.startsWith(alias.getKey() + ".")) {
                return alias.getValue() + path.substring(alias.getKey().length());
            }
        }
        return path;
    }

    private static final Map<String, List<String>> CATALOG = build();

    private SpecKeys() {}

    /** Mapping path to its known keys, in documentation order. */
    public static Map<String, List<String>> catalog() {
        return CATALOG;
    }

    private static Map<String, List<String>> build() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put(
                "",
                List.of(
                        "version",
                        "service",
                        "environments",
                        "strategy",
                        "traffic",
                        "metrics",
                        "gates",
                        "rollback",
                        "state",
                        "versioning",
                        "notifications",
                        "versionCheck",
                        "processes"));
        keys.put(
                "environments[]",
                List.of("name", "branches", "tags", "requiredApprovals", "approvers", "traffic", "metricLabels"));
        keys.put("strategy", List.of("type", "canary", "blueGreen"));
        keys.put("strategy.canary", List.of("analysisInterval", "steps", "judge", "deploy", "retire"));
        keys.put("strategy.canary.deploy", List.of("command", "timeout"));
        keys.put("strategy.canary.retire", List.of("command", "timeout"));
        keys.put("strategy.canary.steps[]", List.of("weight", "duration", "criteria"));
        keys.put(
                "strategy.canary.judge",
                List.of(
                        "enabled",
                        "confidence",
                        "effectSize",
                        "minSamples",
                        "passScore",
                        "marginalScore",
                        "outlierIqrFactor",
                        "metrics"));
        keys.put("strategy.canary.judge.metrics[]", List.of("name", "query", "direction", "versionLabel"));
        keys.put("strategy.blueGreen", List.of("deploy", "smokeChecks", "watchWindow", "scaleDownDelay", "retire"));
        keys.put("strategy.blueGreen.deploy", List.of("command", "timeout"));
        keys.put("strategy.blueGreen.smokeChecks[]", List.of("url", "expectStatus", "timeout"));
        keys.put("strategy.blueGreen.retire", List.of("command", "timeout"));
        keys.put("traffic", List.of("router", "promotion", "haproxy", "nginx", "command", "onReadBackMismatch"));
        keys.put("traffic.haproxy", List.of("socket", "address", "backend", "slots", "stable", "canary", "timeout"));
        keys.put(
                "traffic.nginx",
                List.of(
                        "upstream",
                        "file",
                        "slots",
                        "stable",
                        "canary",
                        "testCommand",
                        "reloadCommand",
                        "timeout",
                        "status"));
        keys.put("traffic.command", List.of("run", "slots", "timeout"));
        keys.put("metrics", List.of("prometheus", "healthCheck"));
        keys.put("metrics.prometheus", List.of("url", "timeout", "tokenEnv", "queries"));
        keys.put("metrics.healthCheck", List.of("url", "expectStatus", "interval", "timeout"));
        keys.put("gates", List.of("passPercent", "warningPercent", "inconclusiveBlocks", "bypass", "objectives"));
        keys.put("gates.bypass", List.of("authority"));
        keys.put(
                "gates.objectives[]",
                List.of(
                        "name",
                        "source",
                        "metric",
                        "query",
                        "comparator",
                        "pass",
                        "warning",
                        "weight",
                        "key",
                        "url",
                        "expectStatus",
                        "failures",
                        "timeout",
                        "baseline",
                        "maxRegression"));
        keys.put("rollback", List.of("triggers", "onAbort", "onMissingData"));
        keys.put(
                "rollback.triggers[]",
                List.of(
                        "name",
                        "metric",
                        "comparator",
                        "threshold",
                        "for",
                        "severity",
                        "deviation",
                        "direction",
                        "against",
                        "action"));
        keys.put("state", List.of("database", "nats"));
        keys.put("state.database", List.of("urlEnv", "userEnv", "passwordEnv", "credentialsId"));
        keys.put("state.nats", List.of("urlEnv", "credentialsId"));
        keys.put("versioning", List.of("tagPrefix", "channels"));
        keys.put("versioning.channels[]", List.of("branch", "prerelease"));
        keys.put("versionCheck", List.of("url", "servers", "expectStatus", "regex", "jsonPath", "header", "timeout"));
        keys.put("processes", List.of("passEnvironment", "secretEnvironment"));
        keys.put(
                "notifications[]",
                List.of(
                        "name",
                        "type",
                        "urlEnv",
                        "events",
                        "severities",
                        "environments",
                        "secretEnv",
                        "to",
                        "from",
                        "template"));
        return Map.copyOf(keys);
    }

    /** The known keys of the mapping at {@code mappingPath}; empty for an unknown mapping. */
    public static List<String> keys(String mappingPath) {
        return CATALOG.getOrDefault(mappingPath, List.of());
    }
}
