package io.releasepilot.core.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bad specs and where their first problem must be reported. Shared through the test-jar so the CLI test runs the
 * same cases through {@code release-pilot validate}.
 */
public final class BadSpecs {
    /** A router so a spec with a strategy is otherwise valid. */
    public static final String ROUTER = "traffic:\n  router: command\n  command:\n    run: [\"./weights.sh\"]\n";

    /**
     * One bad spec: its bytes, and the line, column, path fragment and message fragment of the problem it must
     * produce.
     */
    public record Case(String name, byte[] content, int line, int column, String path, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private BadSpecs() {}

    private static Case text(String name, String yaml, int line, int column, String path, String message) {
        return new Case(name, yaml.getBytes(StandardCharsets.UTF_8), line, column, path, message);
    }

    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        String haproxy = "service: checkout\ntraffic:\n  router: haproxy\n  haproxy:\n    socket: /run/h.sock\n";
        cases.add(text(
                "HAProxy backend injecting a second command",
                haproxy + "    backend: \"be;disable server be/s1\"\n    stable: s1\n    canary: s2\n",
                6,
                14,
                "traffic.haproxy.backend",
                "is not an HAProxy name"));
        cases.add(text(
                "HAProxy server with an extra argument",
                haproxy + "    backend: be\n    stable: \"s1 weight 100\"\n    canary: s2\n",
                7,
                13,
                "traffic.haproxy.stable",
                "is not an HAProxy name"));
        cases.add(text(
                "HAProxy server with a line break",
                haproxy + "    backend: be\n    stable: s1\n    canary: \"s2\\nshow info\"\n",
                8,
                13,
                "traffic.haproxy.canary",
                "is not an HAProxy name"));
        cases.add(text(
                "environment allow-list entry that is not a name",
                "service: checkout\nprocesses:\n  passEnvironment: [\"A=B\"]\n",
                3,
                20,
                "processes.passEnvironment[0]",
                "is not an environment variable name"));
        cases.add(text("empty file", "", 1, 1, "", "the spec is empty"));
        cases.add(text("only comments", "# nothing here\n\n# at all\n", 1, 1, "", "the spec is empty"));
        cases.add(new Case("binary file", new byte[] {'s', 'e', 'r', 0, 1, 2, (byte) 0xff}, 1, 4, "", "binary file"));
        cases.add(new Case(
                "invalid UTF-8",
                new byte[] {'s', 'e', 'r', 'v', 'i', 'c', 'e', ':', ' ', (byte) 0xc3, (byte) 0x28, '\n'},
                1,
                10,
                "",
                "not UTF-8"));
        cases.add(new Case("10 MB file", tenMegabytes(), 1, 1, "", "at most 1 MiB"));
        cases.add(text("alias bomb", aliasBomb(), 7, 4, "", "alias bomb"));
        cases.add(text("tab indentation", "service: checkout\nstrategy:\n\ttype: canary\n", 3, 1, "", "tab"));
        cases.add(text(
                "malformed YAML", "service: checkout\nstrategy: [canary\ntraffic: x\n", 3, 8, "", "malformed YAML"));
        cases.add(text("bad indentation", "service: checkout\n  strategy: canary\n", 2, 11, "", "malformed YAML"));
        cases.add(text("not a mapping", "- service\n- checkout\n", 1, 1, "", "must be a mapping"));
        cases.add(text("missing service", "version: 1\n", 1, 1, "service", "missing required key 'service'"));
        cases.add(text("bad service name", "service: Check Out\n", 1, 10, "service", "not a valid service name"));
        cases.add(text(
                "unsupported version",
                "version: 2\nservice: checkout\n",
                1,
                10,
                "version",
                "unsupported spec version 2"));
        cases.add(text(
                "unknown top-level key",
                "service: checkout\nstratgy: {}\n",
                2,
                1,
                "stratgy",
                "did you mean 'strategy'?"));
        cases.add(text(
                "unknown nested key",
                "service: checkout\ngates:\n  pasPercent: 90\n",
                3,
                3,
                "gates.pasPercent",
                "did you mean 'passPercent'?"));
        cases.add(text(
                "duplicate key",
                "service: checkout\ngates:\n  passPercent: 90\n  passPercent: 80\n",
                4,
                3,
                "gates.passPercent",
                "duplicate key"));
        cases.add(text(
                "wrong type: list expected",
                "service: checkout\nenvironments: production\n",
                2,
                15,
                "environments",
                "expected a list"));
        cases.add(text(
                "wrong type: number expected",
                "service: checkout\nenvironments:\n  - name: prod\n    requiredApprovals: two\n",
                4,
                24,
                "environments[0].requiredApprovals",
                "expected a whole number"));
        cases.add(text(
                "wrong type: boolean expected",
                "service: checkout\ngates:\n  inconclusiveBlocks: maybe\n",
                3,
                23,
                "gates.inconclusiveBlocks",
                "expected true or false"));
        cases.add(text(
                "wrong type: mapping expected",
                "service: checkout\nstrategy: canary\n",
                2,
                11,
                "strategy",
                "expected a mapping"));
        cases.add(text(
                "unknown enum value",
                "service: checkout\nstrategy:\n  type: blue_green\n" + ROUTER,
                3,
                9,
                "strategy.type",
                "did you mean 'blue-green'?"));
        cases.add(text("weight 120%", canary("5%", "10m", "120%", "0s"), 11, 17, "steps[1].weight", "over 100%"));
        cases.add(text(
                "weights not increasing",
                canary("25%", "10m", "25%", "10m", "100%", "0s"),
                11,
                17,
                "steps[1].weight",
                "strictly increasing"));
        cases.add(text(
                "weights decreasing",
                canary("50%", "10m", "25%", "10m", "100%", "0s"),
                11,
                17,
                "steps[1].weight",
                "strictly increasing"));
        cases.add(text(
                "last step not 100%",
                canary("5%", "10m", "50%", "10m"), 11, 17, "steps[1].weight", "last step must be 100%"));
        cases.add(text(
                "weight without percent sign",
                canary("5", "10m", "100%", "0s"),
                9,
                17,
                "steps[0].weight",
                "add the percent sign"));
        cases.add(text(
                "unparseable percentage",
                canary("five%", "10m", "100%", "0s"),
                9,
                17,
                "steps[0].weight",
                "not a percentage"));
        cases.add(text(
                "negative duration",
                canary("5%", "-10m", "100%", "0s"),
                10,
                19,
                "steps[0].duration",
                "must be positive"));
        cases.add(text(
                "zero duration before the last step",
                canary("5%", "0s", "100%", "0s"),
                10,
                19,
                "steps[0].duration",
                "must be positive"));
        cases.add(text(
                "unparseable duration",
                canary("5%", "ten minutes", "100%", "0s"),
                10,
                19,
                "steps[0].duration",
                "not a duration"));
        cases.add(text(
                "duration without unit", canary("5%", "10", "100%", "0s"), 10, 19, "steps[0].duration", "add a unit"));
        cases.add(text(
                "negative timeout",
                "service: checkout\nmetrics:\n  prometheus:\n    url: http://127.0.0.1:9090\n    timeout: -5s\n",
                5,
                14,
                "metrics.prometheus.timeout",
                "must be positive"));
        cases.add(text(
                "strategy without traffic section",
                "service: checkout\nstrategy:\n  type: canary\n",
                1,
                1,
                "traffic",
                "needs a traffic router"));
        cases.add(text(
                "router without settings",
                "service: checkout\nstrategy:\n  type: canary\ntraffic:\n  router: nginx\n",
                5,
                11,
                "traffic.router",
                "has no settings"));
        cases.add(text(
                "router missing",
                "service: checkout\nstrategy:\n  type: canary\ntraffic:\n  haproxy: {socket: /s, backend: b, stable: s, canary: c}\n",
                5,
                3,
                "traffic.router",
                "missing required key 'router'"));
        cases.add(text(
                "warning less severe violated",
                triggers("2%", "3%"),
                5,
                65,
                "rollback.triggers[1].threshold",
                "not less severe"));
        cases.add(text(
                "objective warning stricter than pass",
                "service: checkout\ngates:\n  objectives:\n    - { name: cov, source: jacoco, metric: line, comparator: \">=\", pass: 80%, warning: 90% }\n",
                4,
                88,
                "gates.objectives[0].warning",
                "stricter than pass"));
        cases.add(text(
                "secret in the spec",
                "service: checkout\nstate:\n  database:\n    password: hunter2\n",
                4,
                5,
                "state.database.password",
                "looks like a secret"));
        cases.add(text(
                "secret URL credentials",
                "service: checkout\nmetrics:\n  prometheus:\n    url: http://admin:hunter2@127.0.0.1:9090\n",
                4,
                10,
                "metrics.prometheus.url",
                "contains credentials"));
        cases.add(text(
                "env name holding a value",
                "service: checkout\nmetrics:\n  prometheus:\n    url: http://127.0.0.1:9090\n    tokenEnv: \"ghp_abc123!xyz\"\n",
                5,
                15,
                "metrics.prometheus.tokenEnv",
                "not an environment variable name"));
        cases.add(text(
                "unknown query in trigger",
                "service: checkout\nrollback:\n  triggers:\n    - { name: e, metric: errRate, comparator: \">\", threshold: 2% }\n",
                4,
                26,
                "rollback.triggers[0].metric",
                "did you mean 'errorRate'?"));
        cases.add(text(
                "bad comparator",
                "service: checkout\nrollback:\n  triggers:\n    - { name: e, metric: errorRate, comparator: \"=>\", threshold: 2% }\n",
                4,
                49,
                "rollback.triggers[0].comparator",
                "not a comparator"));
        cases.add(text(
                "bad criterion",
                canaryWithCriterion("errorRate: 0.5%"),
                11,
                32,
                "criteria.errorRate",
                "expected a comparator and a threshold"));
        cases.add(text(
                "criterion with ==",
                canaryWithCriterion("errorRate: \"== 0\""),
                11,
                32,
                "strategy.canary.steps[0].criteria.errorRate",
                "takes <, <=, > or >=, e.g. \"<= 0\""));
        cases.add(text(
                "trigger with ==",
                "service: checkout\nrollback:\n  triggers:\n    - { name: e, metric: errorRate, comparator: \"==\", threshold: 0 }\n",
                4,
                49,
                "rollback.triggers[0].comparator",
                "a metric threshold takes <, <=, > or >="));
        cases.add(text(
                "fractional weight",
                canary("0.5%", "10m", "100%", "0s"),
                9,
                17,
                "strategy.canary.steps[0].weight",
                "whole percents: write 1%"));
        cases.add(text(
                "fractional weight between whole ones",
                canary("5%", "10m", "25.5%", "10m", "100%", "0s"),
                11,
                17,
                "strategy.canary.steps[1].weight",
                "write 25% or 26%"));
        cases.add(text("weight 0%", canary("0%", "10m", "100%", "0s"), 9, 17, "steps[0].weight", "more than 0%"));
        cases.add(text(
                "shell string command",
                "service: checkout\nstrategy:\n  blueGreen:\n    deploy: { command: \"./deploy.sh green\" }\n" + ROUTER,
                4,
                24,
                "strategy.blueGreen.deploy.command",
                "not a shell string"));
        cases.add(text(
                "duplicate trigger name",
                "service: checkout\nrollback:\n  triggers:\n    - { name: e, metric: errorRate, comparator: \">\", threshold: 2% }\n    - { name: e, metric: memory, comparator: \">\", threshold: 95% }\n",
                5,
                15,
                "rollback.triggers[1].name",
                "duplicate trigger name"));
        cases.add(text(
                "key not for this source",
                "service: checkout\ngates:\n  objectives:\n    - { name: t, source: junit, metric: failed, comparator: \"<=\", pass: 0, url: \"http://x\" }\n",
                4,
                76,
                "gates.objectives[0].url",
                "does not apply"));
        cases.add(text(
                "two YAML documents", "service: checkout\n---\nservice: other\n", 3, 1, "", "second YAML document"));
        cases.add(text("alias to a missing anchor", "service: *name\n", 1, 10, "", "no earlier anchor"));
        cases.add(text(
                "deep nesting",
                "service: checkout\nx: " + "[".repeat(200) + "]".repeat(200) + "\n",
                2,
                44,
                "",
                "nested"));
        return cases;
    }

    private static String canary(String... weightsAndDurations) {
        StringBuilder yaml = new StringBuilder("service: checkout\n" + ROUTER + "strategy:\n  canary:\n    steps:\n");
        // line 9 is the first step's weight, line 10 its duration: each step adds two lines
        for (int i = 0; i < weightsAndDurations.length; i += 2) {
            yaml.append("      - weight: ").append(weightsAndDurations[i]).append('\n');
            yaml.append("        duration: ").append(weightsAndDurations[i + 1]).append('\n');
        }
        return yaml.toString();
    }

    private static String canaryWithCriterion(String criterion) {
        return canary("5%", "10m", "100%", "0s")
                .replace("duration: 10m\n", "duration: 10m\n        criteria: { " + criterion + " }\n");
    }

    private static String triggers(String critical, String warning) {
        return "service: checkout\nrollback:\n  triggers:\n"
                + "    - { name: e, metric: errorRate, comparator: \">\", threshold: " + critical
                + ", for: 2m, severity: critical }\n"
                + "    - { name: w, metric: errorRate, comparator: \">\", threshold: " + warning
                + ", for: 5m, severity: warning }\n";
    }

    private static String aliasBomb() {
        StringBuilder yaml = new StringBuilder(
                "service: checkout\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }
        return yaml.toString();
    }

    private static byte[] tenMegabytes() {
        StringBuilder yaml = new StringBuilder("service: checkout\n# ");
        yaml.append("x".repeat(10 * 1024 * 1024));
        return yaml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
