package io.releasepilot.core.spec;

import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Direction;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Severity;
import io.releasepilot.core.release.SpecEnum;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Binds a {@link YamlNode} tree to a {@link ReleaseSpec}: type checks, unknown keys, defaults, then the semantic
 * checks across sections. Every problem is collected; a record is only built from parts that had none.
 */
final class SpecBinder {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern CREDENTIALS_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern HOST_PORT = Pattern.compile("\\[?[A-Za-z0-9.:_-]+\\]?:(\\d{1,5})");
    private static final Pattern PRERELEASE = Pattern.compile("[0-9A-Za-z-]+");
    private static final Pattern CRITERION = Pattern.compile("\\s*(<=|>=|==|<|>)\\s*(.+)");
    private static final Pattern SECRET_KEY =
            Pattern.compile("(?i).*(password|passwd|pwd|secret|token|api[-_]?key|private[-_]?key|credential).*");
    private static final Map<ObjectiveSource, Set<String>> REPORT_METRICS = Map.of(
            ObjectiveSource.JUNIT, Set.of("total", "passed", "failed", "errors", "skipped"),
            ObjectiveSource.JACOCO, Set.of("instruction", "branch", "line", "method", "class"),
            ObjectiveSource.SARIF, Set.of("error", "warning", "note", "none", "highOrCritical"));
    private static final Set<String> OBJECTIVE_COMMON = Set.of("name", "source", "weight", "key");
    private static final Map<ObjectiveSource, Set<String>> OBJECTIVE_KEYS = objectiveKeys();

    private final String file;
    private final List<Problem> problems;
    private Set<String> metricNames = Set.of();

    private SpecBinder(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    static @Nullable ReleaseSpec bind(String file, YamlNode root, List<Problem> problems) {
        return new SpecBinder(file, problems).spec(root);
    }

    /** A mapping of the spec whose unknown keys have been reported. */
    private final class Obj {
        final YamlNode node;
        final String path;

        Obj(YamlNode node, String path, String catalogPath) {
            this.node = node;
            this.path = path;
            List<String> known = SpecKeys.keys(catalogPath);
            for (YamlNode.Entry entry : node.entries) {
                if (!known.contains(entry.key())) {
                    unknownKey(entry, child(entry.key()), known);
                }
            }
        }

        @Nullable
        YamlNode get(String key) {
            return node.get(key);
        }

        boolean has(String key) {
            return node.get(key) != null;
        }

        String child(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        void missing(String key, String hint) {
            problem(node, child(key), "missing required key '" + key + "'", hint);
        }
    }

    // ---------------------------------------------------------------- sections

    private @Nullable ReleaseSpec spec(YamlNode root) {
        if (root.kind != YamlNode.Kind.MAPPING) {
            problem(
                    root,
                    "",
                    "the spec must be a mapping of keys, got " + root.describe(),
                    "start with 'service: <name>'");
            return null;
        }
        Obj o = new Obj(root, "", "");
        int before = problems.size();
        Integer version = integer(o, "version", SpecDefaults.SPEC_VERSION, 0, Integer.MAX_VALUE);
        if (version != null && version != SpecDefaults.SPEC_VERSION) {
            problem(
                    o.get("version"),
                    "version",
                    "unsupported spec version " + version,
                    "this release-pilot reads version " + SpecDefaults.SPEC_VERSION);
        }
        String service = text(o, "service", null, "name the service, e.g. 'service: checkout'");
        if (service != null && !ReleaseSpec.SERVICE_NAME.matcher(service).matches()) {
            problem(
                    o.get("service"),
                    "service",
                    "'" + service + "' is not a valid service name",
                    "lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 63");
        }
        String queryService = service == null ? "service" : service;
        MetricsSpec metrics = metrics(o, queryService);
        List<EnvironmentSpec> environments = environments(o);
        StrategySpec strategy = strategy(o);
        Optional<TrafficSpec> traffic = traffic(o);
        GatesSpec gates = gates(o);
        RollbackSpec rollback = rollback(o);
        StateSpec state = state(o);
        VersioningSpec versioning = versioning(o);
        List<NotificationSpec> notifications = notifications(o);
        if (problems.size() > before) {
            return null;
        }
        return build(
                before,
                root,
                "",
                () -> new ReleaseSpec(
                        version,
                        service,
                        environments,
                        strategy,
                        traffic,
                        metrics,
                        gates,
                        rollback,
                        state,
                        versioning,
                        notifications));
    }

    private List<EnvironmentSpec> environments(Obj root) {
        List<EnvironmentSpec> result = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Item item : objects(root, "environments", "environments[]")) {
            Obj o = item.obj;
            int before = problems.size();
            String name = text(o, "name", null, "e.g. 'name: production'");
            unique(names, name, o, "name", "environment");
            List<String> branches = strings(o, "branches", List.of());
            List<String> tags = strings(o, "tags", List.of());
            Integer approvals = integer(o, "requiredApprovals", SpecDefaults.REQUIRED_APPROVALS, 0, 100);
            List<String> approvers = strings(o, "approvers", List.of());
            if (approvals != null && approvers != null && !approvers.isEmpty() && approvals > approvers.size()) {
                problem(
                        o.get("requiredApprovals"),
                        o.child("requiredApprovals"),
                        approvals + " approvals required but only " + approvers.size() + " approvers listed",
                        "list more approvers or require fewer approvals");
            }
            add(
                    result,
                    build(
                            before,
                            o.node,
                            o.path,
                            () -> new EnvironmentSpec(name, branches, tags, approvals, approvers)));
        }
        return result;
    }

    private StrategySpec strategy(Obj root) {
        Obj o = object(root, "strategy", "strategy");
        if (o == null) {
            return new StrategySpec(SpecDefaults.STRATEGY, SpecDefaults.canary(), SpecDefaults.blueGreen());
        }
        int before = problems.size();
        ReleaseStrategy type = enumValue(o, "type", ReleaseStrategy.class, SpecDefaults.STRATEGY);
        CanarySpec canary = canary(o);
        BlueGreenSpec blueGreen = blueGreen(o);
        if (!root.has("traffic") && type != null) {
            problem(
                    root.node,
                    "traffic",
                    "strategy '" + type.yamlName() + "' needs a traffic router, but there is no 'traffic' section",
                    "add 'traffic: { router: haproxy, haproxy: {...} }' (or nginx, command)");
        }
        return build(before, o.node, o.path, () -> new StrategySpec(type, canary, blueGreen));
    }

    private @Nullable CanarySpec canary(Obj strategy) {
        Obj o = object(strategy, "canary", "strategy.canary");
        if (o == null) {
            return SpecDefaults.canary();
        }
        int before = problems.size();
        Duration interval = duration(o, "analysisInterval", SpecDefaults.ANALYSIS_INTERVAL, true);
        List<CanaryStepSpec> steps = o.has("steps") ? steps(o) : SpecDefaults.canarySteps();
        JudgeSpec judge = judge(o);
        return build(before, o.node, o.path, () -> new CanarySpec(interval, steps, judge));
    }

    private List<CanaryStepSpec> steps(Obj canary) {
        List<Item> items = objects(canary, "steps", "strategy.canary.steps[]");
        YamlNode stepsNode = canary.get("steps");
        if (items.isEmpty() && stepsNode != null && stepsNode.kind == YamlNode.Kind.LIST) {
            problem(stepsNode, canary.child("steps"), "a canary needs at least one step", "end with '- weight: 100%'");
        }
        List<CanaryStepSpec> result = new ArrayList<>();
        Percent previous = null;
        YamlNode previousNode = null;
        for (int i = 0; i < items.size(); i++) {
            Obj o = items.get(i).obj;
            boolean last = i == items.size() - 1;
            int before = problems.size();
            Percent weight = percent(o, "weight", null, 100, "e.g. 'weight: 25%'");
            YamlNode weightNode = o.get("weight");
            if (weight != null && weight.value() == 0) {
                problem(weightNode, o.child("weight"), "weight must be more than 0%", "the first step is e.g. 5%");
            }
            if (weight != null && previous != null && weight.compareTo(previous) <= 0) {
                problem(
                        weightNode,
                        o.child("weight"),
                        "weights must be strictly increasing: " + weight + " follows " + previous + " (line "
                                + previousNode.line + ")",
                        "give each step a larger weight than the one before");
            }
            if (last && weight != null && weight.value() != 100 && weight.value() <= 100) {
                problem(
                        weightNode,
                        o.child("weight"),
                        "the last step must be 100%, got " + weight,
                        "add a final step '- weight: 100%'");
            }
            if (weight != null) {
                previous = weight;
                previousNode = weightNode;
            }
            Duration duration =
                    last ? duration(o, "duration", Duration.ZERO, false) : duration(o, "duration", null, true);
            List<CriterionSpec> criteria = criteria(o);
            add(result, build(before, o.node, o.path, () -> new CanaryStepSpec(weight, duration, criteria)));
        }
        return result;
    }

    private List<CriterionSpec> criteria(Obj step) {
        YamlNode node = step.get("criteria");
        String path = step.child("criteria");
        if (node == null) {
            return List.of();
        }
        if (node.kind != YamlNode.Kind.MAPPING) {
            problem(node, path, expected("a mapping of query name to condition", node), "e.g. { errorRate: \"< 1%\" }");
            return List.of();
        }
        List<CriterionSpec> result = new ArrayList<>();
        for (YamlNode.Entry entry : node.entries) {
            String entryPath = path + "." + entry.key();
            knownMetric(entry.key(), entry.line(), entry.column(), entryPath);
            YamlNode value = entry.value();
            Matcher matcher = value.isScalar() ? CRITERION.matcher(value.text) : null;
            if (matcher == null || !matcher.matches()) {
                problem(
                        value,
                        entryPath,
                        expected("a comparator and a threshold", value),
                        "e.g. \"< 0.5%\", \"<= 400ms\"; quote it");
                continue;
            }
            Optional<Quantity> threshold = Quantity.parse(matcher.group(2));
            if (threshold.isEmpty()) {
                problem(
                        value,
                        entryPath,
                        "'" + matcher.group(2) + "' is not a threshold",
                        "a percentage (1%), duration (400ms) or number");
                continue;
            }
            Comparator comparator = Comparator.ofSymbol(matcher.group(1)).orElseThrow();
            result.add(new CriterionSpec(entry.key(), comparator, threshold.get()));
        }
        return result;
    }

    private @Nullable JudgeSpec judge(Obj canary) {
        Obj o = object(canary, "judge", "strategy.canary.judge");
        if (o == null) {
            return SpecDefaults.judge();
        }
        int before = problems.size();
        Boolean enabled = bool(o, "enabled", SpecDefaults.JUDGE_ENABLED);
        Percent confidence = percent(o, "confidence", SpecDefaults.JUDGE_CONFIDENCE, 100, "");
        if (confidence != null && (confidence.value() <= 0 || confidence.value() >= 100)) {
            problem(
                    o.get("confidence"),
                    o.child("confidence"),
                    "confidence must be between 0% and 100%, exclusive",
                    "the default is 98%");
        }
        Percent effect = percent(o, "effectSize", SpecDefaults.JUDGE_EFFECT_SIZE, Double.MAX_VALUE, "");
        Integer minSamples = integer(o, "minSamples", SpecDefaults.JUDGE_MIN_SAMPLES, 1, 1_000_000);
        Double pass = number(o, "passScore", SpecDefaults.JUDGE_PASS_SCORE, 0, 100);
        Double marginal = number(o, "marginalScore", SpecDefaults.JUDGE_MARGINAL_SCORE, 0, 100);
        if (pass != null && marginal != null && marginal > pass) {
            problem(
                    o.has("marginalScore") ? o.get("marginalScore") : o.node,
                    o.child("marginalScore"),
                    "marginalScore " + Quantity.formatNumber(marginal) + " is above passScore "
                            + Quantity.formatNumber(pass),
                    "marginalScore <= passScore");
        }
        Double iqr = positiveNumber(o, "outlierIqrFactor", SpecDefaults.JUDGE_OUTLIER_IQR_FACTOR);
        List<JudgeMetricSpec> metrics = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Item item : objects(o, "metrics", "strategy.canary.judge.metrics[]")) {
            Obj m = item.obj;
            int mBefore = problems.size();
            String name = text(m, "name", null, "e.g. 'name: latency'");
            unique(names, name, m, "name", "judge metric");
            String query = text(m, "query", null, "a PromQL query whose series carry the version label");
            Direction direction = enumValue(m, "direction", Direction.class, SpecDefaults.JUDGE_DIRECTION);
            String label = text(m, "versionLabel", SpecDefaults.JUDGE_VERSION_LABEL, "");
            add(metrics, build(mBefore, m.node, m.path, () -> new JudgeMetricSpec(name, query, direction, label)));
        }
        return build(
                before,
                o.node,
                o.path,
                () -> new JudgeSpec(enabled, confidence, effect, minSamples, pass, marginal, iqr, metrics));
    }

    private @Nullable BlueGreenSpec blueGreen(Obj strategy) {
        Obj o = object(strategy, "blueGreen", "strategy.blueGreen");
        if (o == null) {
            return SpecDefaults.blueGreen();
        }
        int before = problems.size();
        Optional<HookSpec> deploy = hook(o, "deploy", SpecDefaults.HOOK_DEPLOY_TIMEOUT);
        List<SmokeCheckSpec> checks = new ArrayList<>();
        for (Item item : objects(o, "smokeChecks", "strategy.blueGreen.smokeChecks[]")) {
            Obj c = item.obj;
            int cBefore = problems.size();
            URI url = url(c, "url", true);
            Integer status = integer(c, "expectStatus", SpecDefaults.EXPECT_STATUS, 100, 599);
            Duration timeout = duration(c, "timeout", SpecDefaults.SMOKE_CHECK_TIMEOUT, true);
            add(checks, build(cBefore, c.node, c.path, () -> new SmokeCheckSpec(url, status, timeout)));
        }
        Duration watch = duration(o, "watchWindow", SpecDefaults.WATCH_WINDOW, false);
        Duration delay = duration(o, "scaleDownDelay", SpecDefaults.SCALE_DOWN_DELAY, false);
        Optional<HookSpec> retire = hook(o, "retire", SpecDefaults.HOOK_RETIRE_TIMEOUT);
        return build(before, o.node, o.path, () -> new BlueGreenSpec(deploy, checks, watch, delay, retire));
    }

    private @Nullable Optional<HookSpec> hook(Obj parent, String key, Duration defaultTimeout) {
        Obj o = object(parent, key, "strategy.blueGreen." + key);
        if (o == null) {
            return Optional.empty();
        }
        int before = problems.size();
        List<String> command = command(o, "command", null);
        Duration timeout = duration(o, "timeout", defaultTimeout, true);
        HookSpec hook = build(before, o.node, o.path, () -> new HookSpec(command, timeout));
        return hook == null ? null : Optional.of(hook);
    }

    private @Nullable Optional<TrafficSpec> traffic(Obj root) {
        Obj o = object(root, "traffic", "traffic");
        if (o == null) {
            return Optional.empty();
        }
        int before = problems.size();
        RouterType router = enumValue(o, "router", RouterType.class, null);
        Optional<HaproxySpec> haproxy = haproxy(o);
        Optional<NginxSpec> nginx = nginx(o);
        Optional<CommandRouterSpec> command = commandRouter(o);
        if (router != null && !o.has(routerKey(router))) {
            problem(
                    o.get("router"),
                    o.child("router"),
                    "router '" + router.yamlName() + "' has no settings: there is no 'traffic." + routerKey(router)
                            + "' section",
                    "add the '" + routerKey(router) + "' settings, see docs/release-pilot.example.yml");
        }
        TrafficSpec traffic = build(before, o.node, o.path, () -> new TrafficSpec(router, haproxy, nginx, command));
        return traffic == null ? null : Optional.of(traffic);
    }

    private static String routerKey(RouterType router) {
        return router.yamlName();
    }

    private @Nullable Optional<HaproxySpec> haproxy(Obj traffic) {
        Obj o = object(traffic, "haproxy", "traffic.haproxy");
        if (o == null) {
            return Optional.empty();
        }
        int before = problems.size();
        Optional<String> socket = optText(o, "socket");
        Optional<String> address = optText(o, "address");
        if (socket != null && address != null && socket.isPresent() == address.isPresent()) {
            problem(
                    socket.isPresent() ? o.get("address") : o.node,
                    o.child(socket.isPresent() ? "address" : "socket"),
                    socket.isPresent()
                            ? "give either 'socket' or 'address', not both"
                            : "missing the runtime API: neither 'socket' nor 'address' is set",
                    "socket: /run/haproxy/admin.sock, or address: 127.0.0.1:9999");
        }
        if (address != null && address.isPresent()) {
            Matcher hostPort = HOST_PORT.matcher(address.get());
            if (!hostPort.matches()
                    || Integer.parseInt(hostPort.group(1)) < 1
                    || Integer.parseInt(hostPort.group(1)) > 65535) {
                problem(
                        o.get("address"),
                        o.child("address"),
                        "'" + address.get() + "' is not host:port",
                        "e.g. 127.0.0.1:9999");
            }
        }
        String backend = text(o, "backend", null, "the HAProxy backend holding both servers");
        String stable = text(o, "stable", null, "the stable server's name in the backend");
        String canary = text(o, "canary", null, "the new version's server name in the backend");
        Duration timeout = duration(o, "timeout", SpecDefaults.HAPROXY_TIMEOUT, true);
        HaproxySpec spec =
                build(before, o.node, o.path, () -> new HaproxySpec(socket, address, backend, stable, canary, timeout));
        return spec == null ? null : Optional.of(spec);
    }

    private @Nullable Optional<NginxSpec> nginx(Obj traffic) {
        Obj o = object(traffic, "nginx", "traffic.nginx");
        if (o == null) {
            return Optional.empty();
        }
        int before = problems.size();
        String upstream = text(o, "upstream", null, "the upstream block's name");
        String file = text(o, "file", null, "the file your nginx.conf includes");
        String stable = text(o, "stable", null, "the stable server's address, e.g. \"127.0.0.1:8081\"");
        String canary = text(o, "canary", null, "the new version's address, e.g. \"127.0.0.1:8082\"");
        List<String> test = command(o, "testCommand", SpecDefaults.NGINX_TEST_COMMAND);
        List<String> reload = command(o, "reloadCommand", SpecDefaults.NGINX_RELOAD_COMMAND);
        Duration timeout = duration(o, "timeout", SpecDefaults.NGINX_TIMEOUT, true);
        NginxSpec spec = build(
                before, o.node, o.path, () -> new NginxSpec(upstream, file, stable, canary, test, reload, timeout));
        return spec == null ? null : Optional.of(spec);
    }

    private @Nullable Optional<CommandRouterSpec> commandRouter(Obj traffic) {
        Obj o = object(traffic, "command", "traffic.command");
        if (o == null) {
            return Optional.empty();
        }
        int before = problems.size();
        List<String> run = command(o, "run", null);
        Duration timeout = duration(o, "timeout", SpecDefaults.COMMAND_ROUTER_TIMEOUT, true);
        CommandRouterSpec spec = build(before, o.node, o.path, () -> new CommandRouterSpec(run, timeout));
        return spec == null ? null : Optional.of(spec);
    }

    private @Nullable MetricsSpec metrics(Obj root, String service) {
        Map<String, String> queries = new LinkedHashMap<>(SpecDefaults.queries(service));
        Obj o = object(root, "metrics", "metrics");
        Optional<PrometheusSpec> prometheus = Optional.empty();
        Optional<HealthCheckSpec> health = Optional.empty();
        int before = problems.size();
        if (o != null) {
            Obj p = object(o, "prometheus", "metrics.prometheus");
            if (p != null) {
                int pBefore = problems.size();
                URI url = url(p, "url", true);
                Duration timeout = duration(p, "timeout", SpecDefaults.PROMETHEUS_TIMEOUT, true);
                Optional<String> tokenEnv = envName(p, "tokenEnv");
                queries.putAll(queries(p));
                PrometheusSpec spec =
                        build(pBefore, p.node, p.path, () -> new PrometheusSpec(url, timeout, tokenEnv, queries));
                prometheus = spec == null ? null : Optional.of(spec);
            }
            Obj h = object(o, "healthCheck", "metrics.healthCheck");
            if (h != null) {
                int hBefore = problems.size();
                URI url = url(h, "url", true);
                Integer status = integer(h, "expectStatus", SpecDefaults.EXPECT_STATUS, 100, 599);
                Duration interval = duration(h, "interval", SpecDefaults.HEALTH_CHECK_INTERVAL, true);
                Duration timeout = duration(h, "timeout", SpecDefaults.HEALTH_CHECK_TIMEOUT, true);
                HealthCheckSpec spec =
                        build(hBefore, h.node, h.path, () -> new HealthCheckSpec(url, status, interval, timeout));
                health = spec == null ? null : Optional.of(spec);
            }
        }
        Set<String> names = new LinkedHashSet<>(queries.keySet());
        names.add(MetricsSpec.HEALTH_CHECK_FAILURES);
        metricNames = names;
        Optional<PrometheusSpec> finalPrometheus = prometheus;
        Optional<HealthCheckSpec> finalHealth = health;
        return build(before, root.node, "metrics", () -> new MetricsSpec(finalPrometheus, finalHealth));
    }

    private Map<String, String> queries(Obj prometheus) {
        YamlNode node = prometheus.get("queries");
        Map<String, String> result = new LinkedHashMap<>();
        if (node == null) {
            return result;
        }
        String path = prometheus.child("queries");
        if (node.kind != YamlNode.Kind.MAPPING) {
            problem(
                    node,
                    path,
                    expected("a mapping of query name to PromQL", node),
                    "e.g. errorRate: 'sum(rate(...))'");
            return result;
        }
        for (YamlNode.Entry entry : node.entries) {
            YamlNode value = entry.value();
            if (value.kind != YamlNode.Kind.STRING || value.text.isBlank()) {
                problem(
                        value,
                        path + "." + entry.key(),
                        expected("a PromQL query", value),
                        "quote it with single quotes");
            } else {
                result.put(entry.key(), value.text);
            }
        }
        return result;
    }

    private @Nullable GatesSpec gates(Obj root) {
        Obj o = object(root, "gates", "gates");
        if (o == null) {
            return SpecDefaults.gates();
        }
        int before = problems.size();
        Double pass = percentNumber(o, "passPercent", SpecDefaults.GATE_PASS_PERCENT);
        Double warning = percentNumber(o, "warningPercent", SpecDefaults.GATE_WARNING_PERCENT);
        if (pass != null && warning != null && warning > pass) {
            problem(
                    o.has("warningPercent") ? o.get("warningPercent") : o.node,
                    o.child("warningPercent"),
                    "warningPercent " + Quantity.formatNumber(warning) + " is above passPercent "
                            + Quantity.formatNumber(pass),
                    "warningPercent <= passPercent");
        }
        Boolean blocks = bool(o, "inconclusiveBlocks", SpecDefaults.INCONCLUSIVE_BLOCKS);
        List<String> authority = List.of();
        Obj bypass = object(o, "bypass", "gates.bypass");
        if (bypass != null) {
            authority = strings(bypass, "authority", List.of());
        }
        List<ObjectiveSpec> objectives = o.has("objectives") ? objectives(o) : SpecDefaults.objectives();
        List<String> finalAuthority = authority;
        return build(before, o.node, o.path, () -> new GatesSpec(pass, warning, blocks, finalAuthority, objectives));
    }

    private List<ObjectiveSpec> objectives(Obj gates) {
        List<ObjectiveSpec> result = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Item item : objects(gates, "objectives", "gates.objectives[]")) {
            Obj o = item.obj;
            int before = problems.size();
            String name = text(o, "name", null, "e.g. 'name: line-coverage'");
            unique(names, name, o, "name", "objective");
            ObjectiveSource source = enumValue(o, "source", ObjectiveSource.class, null);
            if (source != null) {
                Set<String> allowed = OBJECTIVE_KEYS.get(source);
                for (YamlNode.Entry entry : o.node.entries) {
                    if (SpecKeys.keys("gates.objectives[]").contains(entry.key()) && !allowed.contains(entry.key())) {
                        problem(
                                entry.line(),
                                entry.column(),
                                o.child(entry.key()),
                                "'" + entry.key() + "' does not apply to a '" + source.yamlName() + "' objective",
                                "a " + source.yamlName() + " objective takes "
                                        + allowed.stream().sorted().collect(Collectors.joining(", ")));
                    }
                }
            }
            boolean compares =
                    source != null && source != ObjectiveSource.PROBE && source != ObjectiveSource.REGRESSION;
            Optional<String> metric = Optional.empty();
            Optional<String> query = Optional.empty();
            if (source != null && REPORT_METRICS.containsKey(source)) {
                String m = text(o, "metric", null, "one of " + String.join(", ", sorted(REPORT_METRICS.get(source))));
                if (m != null && !REPORT_METRICS.get(source).contains(m)) {
                    problem(
                            o.get("metric"),
                            o.child("metric"),
                            "unknown " + source.yamlName() + " metric '" + m + "'",
                            suggestion(m, REPORT_METRICS.get(source)));
                }
                metric = m == null ? null : Optional.of(m);
            }
            if (source == ObjectiveSource.PROMETHEUS || source == ObjectiveSource.REGRESSION) {
                String q = text(o, "query", null, "a query name from metrics.prometheus.queries");
                if (q != null) {
                    YamlNode qNode = o.get("query");
                    knownMetric(q, qNode.line, qNode.column, o.child("query"));
                }
                query = q == null ? null : Optional.of(q);
            }
            Optional<Comparator> comparator = Optional.empty();
            Optional<Quantity> pass = Optional.empty();
            Optional<Quantity> warning = Optional.empty();
            if (compares) {
                Comparator c = comparator(o, "comparator", null);
                Quantity p = quantity(o, "pass", true);
                Quantity w = quantity(o, "warning", false);
                comparator = c == null ? null : Optional.of(c);
                pass = p == null ? null : Optional.of(p);
                warning = o.has("warning") ? (w == null ? null : Optional.of(w)) : Optional.empty();
                if (c != null && p != null && w != null) {
                    checkObjectiveWarning(o, c, p, w);
                }
            }
            Double weight = number(o, "weight", SpecDefaults.OBJECTIVE_WEIGHT, 0, 1_000_000);
            Boolean key = bool(o, "key", false);
            Optional<URI> url = Optional.empty();
            if (source == ObjectiveSource.PROBE) {
                URI u = url(o, "url", true);
                url = u == null ? null : Optional.of(u);
            }
            Integer status = integer(o, "expectStatus", SpecDefaults.EXPECT_STATUS, 100, 599);
            Integer failures = integer(o, "failures", SpecDefaults.PROBE_FAILURES, 1, 1000);
            Duration timeout = duration(o, "timeout", SpecDefaults.PROBE_TIMEOUT, true);
            String baseline = text(o, "baseline", SpecDefaults.REGRESSION_BASELINE, "");
            Percent maxRegression = percent(o, "maxRegression", SpecDefaults.MAX_REGRESSION, Double.MAX_VALUE, "");
            Optional<String> fMetric = metric;
            Optional<String> fQuery = query;
            Optional<Comparator> fComparator = comparator;
            Optional<Quantity> fPass = pass;
            Optional<Quantity> fWarning = warning;
            Optional<URI> fUrl = url;
            add(
                    result,
                    build(
                            before,
                            o.node,
                            o.path,
                            () -> new ObjectiveSpec(
                                    name,
                                    source,
                                    fMetric,
                                    fQuery,
                                    fComparator,
                                    fPass,
                                    fWarning,
                                    weight,
                                    key,
                                    fUrl,
                                    status,
                                    failures,
                                    timeout,
                                    baseline,
                                    maxRegression)));
        }
        return result;
    }

    private void checkObjectiveWarning(Obj o, Comparator comparator, Quantity pass, Quantity warning) {
        if (comparator == Comparator.EQUAL) {
            problem(
                    o.get("warning"),
                    o.child("warning"),
                    "a warning threshold needs <, <=, > or >=, not ==",
                    "remove 'warning'");
            return;
        }
        // the pass condition is 'value <comparator> pass'; the warning band lies on the failing side of pass
        boolean stricter =
                comparator.isUpward() ? warning.asNumber() > pass.asNumber() : warning.asNumber() < pass.asNumber();
        if (stricter) {
            problem(
                    o.get("warning"),
                    o.child("warning"),
                    "warning " + warning + " is stricter than pass " + pass + " for '" + comparator + "'",
                    "a warning threshold is less strict than the pass threshold, e.g. pass: 90%, warning: 80% for '>='");
        }
    }

    private @Nullable RollbackSpec rollback(Obj root) {
        Obj o = object(root, "rollback", "rollback");
        if (o == null) {
            return SpecDefaults.rollback();
        }
        int before = problems.size();
        List<TriggerSpec> triggers = o.has("triggers") ? triggers(o) : SpecDefaults.rollbackTriggers();
        AbortAction onAbort = enumValue(o, "onAbort", AbortAction.class, SpecDefaults.ON_ABORT);
        return build(before, o.node, o.path, () -> new RollbackSpec(triggers, onAbort));
    }

    private List<TriggerSpec> triggers(Obj rollback) {
        List<TriggerSpec> result = new ArrayList<>();
        List<YamlNode> nodes = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Item item : objects(rollback, "triggers", "rollback.triggers[]")) {
            Obj o = item.obj;
            int before = problems.size();
            String name = text(o, "name", null, "e.g. 'name: error-rate'");
            unique(names, name, o, "name", "trigger");
            String metric =
                    text(o, "metric", null, "a query name from metrics.prometheus.queries, or healthCheckFailures");
            if (metric != null) {
                YamlNode m = o.get("metric");
                knownMetric(metric, m.line, m.column, o.child("metric"));
            }
            Comparator comparator = comparator(o, "comparator", null);
            Quantity threshold = quantity(o, "threshold", true);
            Duration window = duration(o, "for", SpecDefaults.TRIGGER_FOR, false);
            Severity severity = enumValue(o, "severity", Severity.class, SpecDefaults.TRIGGER_SEVERITY);
            TriggerSpec trigger = build(
                    before,
                    o.node,
                    o.path,
                    () -> new TriggerSpec(name, metric, comparator, threshold, window, severity));
            if (trigger != null) {
                result.add(trigger);
                nodes.add(o.node);
            }
        }
        checkWarningTiers(rollback, result, nodes);
        return result;
    }

    /** A warning trigger exists to fire before the critical one on the same metric; one that cannot is a mistake. */
    private void checkWarningTiers(Obj rollback, List<TriggerSpec> triggers, List<YamlNode> nodes) {
        for (int w = 0; w < triggers.size(); w++) {
            TriggerSpec warning = triggers.get(w);
            if (warning.severity() != Severity.WARNING || warning.comparator() == Comparator.EQUAL) {
                continue;
            }
            for (TriggerSpec critical : triggers) {
                if (critical.severity() != Severity.CRITICAL
                        || !critical.metric().equals(warning.metric())
                        || critical.comparator().isUpward()
                                != warning.comparator().isUpward()
                        || critical.comparator() == Comparator.EQUAL) {
                    continue;
                }
                double wv = warning.threshold().asNumber();
                double cv = critical.threshold().asNumber();
                boolean moreSevere = warning.comparator().isUpward() ? wv > cv : wv < cv;
                boolean sameButNotEarlier = wv == cv && warning.forDuration().compareTo(critical.forDuration()) >= 0;
                if (moreSevere || sameButNotEarlier) {
                    YamlNode node = nodes.get(w);
                    YamlNode thresholdNode = node.get("threshold");
                    problem(
                            thresholdNode == null ? node : thresholdNode,
                            rollback.child("triggers") + "[" + indexOf(rollback, node) + "].threshold",
                            "warning threshold " + warning.threshold() + " is not less severe than critical trigger '"
                                    + critical.name() + "' (" + critical.comparator() + " " + critical.threshold()
                                    + ")",
                            "a warning must fire before the rollback: use a threshold "
                                    + (warning.comparator().isUpward() ? "below " : "above ") + critical.threshold());
                }
            }
        }
    }

    private static int indexOf(Obj parent, YamlNode item) {
        YamlNode list = parent.get("triggers");
        return list == null ? 0 : list.items.indexOf(item);
    }

    private @Nullable StateSpec state(Obj root) {
        Obj o = object(root, "state", "state");
        if (o == null) {
            return new StateSpec(DatabaseSpec.embedded(), NatsSpec.none());
        }
        int before = problems.size();
        DatabaseSpec database = DatabaseSpec.embedded();
        Obj d = object(o, "database", "state.database");
        if (d != null) {
            int dBefore = problems.size();
            Optional<String> url = envName(d, "urlEnv");
            Optional<String> user = envName(d, "userEnv");
            Optional<String> password = envName(d, "passwordEnv");
            Optional<String> credentials = credentialsId(d, "credentialsId");
            database = build(dBefore, d.node, d.path, () -> new DatabaseSpec(url, user, password, credentials));
        }
        NatsSpec nats = NatsSpec.none();
        Obj n = object(o, "nats", "state.nats");
        if (n != null) {
            int nBefore = problems.size();
            Optional<String> url = envName(n, "urlEnv");
            Optional<String> credentials = credentialsId(n, "credentialsId");
            nats = build(nBefore, n.node, n.path, () -> new NatsSpec(url, credentials));
        }
        DatabaseSpec fDatabase = database;
        NatsSpec fNats = nats;
        return build(before, o.node, o.path, () -> new StateSpec(fDatabase, fNats));
    }

    private @Nullable VersioningSpec versioning(Obj root) {
        Obj o = object(root, "versioning", "versioning");
        if (o == null) {
            return new VersioningSpec(SpecDefaults.TAG_PREFIX, List.of());
        }
        int before = problems.size();
        String prefix = o.has("tagPrefix") ? scalarText(o, "tagPrefix") : SpecDefaults.TAG_PREFIX;
        List<ChannelSpec> channels = new ArrayList<>();
        for (Item item : objects(o, "channels", "versioning.channels[]")) {
            Obj c = item.obj;
            int cBefore = problems.size();
            String branch = text(c, "branch", null, "a branch glob, e.g. \"release/*\"");
            String pre = text(c, "prerelease", null, "a pre-release identifier, e.g. rc");
            if (pre != null && !PRERELEASE.matcher(pre).matches()) {
                problem(
                        c.get("prerelease"),
                        c.child("prerelease"),
                        "'" + pre + "' is not a pre-release identifier",
                        "letters, digits and '-' (semver)");
            }
            add(channels, build(cBefore, c.node, c.path, () -> new ChannelSpec(branch, pre)));
        }
        return build(before, o.node, o.path, () -> new VersioningSpec(prefix, channels));
    }

    private List<NotificationSpec> notifications(Obj root) {
        List<NotificationSpec> result = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Item item : objects(root, "notifications", "notifications[]")) {
            Obj o = item.obj;
            int before = problems.size();
            String name = text(o, "name", null, "e.g. 'name: team-chat'");
            unique(names, name, o, "name", "notification");
            NotificationType type = enumValue(o, "type", NotificationType.class, SpecDefaults.NOTIFICATION_TYPE);
            Optional<String> urlEnv = envName(o, "urlEnv");
            if (urlEnv != null && urlEnv.isEmpty()) {
                o.missing("urlEnv", "the environment variable holding the webhook URL");
            }
            List<NotificationEvent> events =
                    enumList(o, "events", NotificationEvent.class, SpecDefaults.NOTIFICATION_EVENTS);
            add(
                    result,
                    build(
                            before,
                            o.node,
                            o.path,
                            () -> new NotificationSpec(
                                    name, type, urlEnv == null ? null : urlEnv.orElse(null), events)));
        }
        return result;
    }

    // ---------------------------------------------------------------- typed values

    /** A list item that is a mapping. */
    private static final class Item {
        final Obj obj;

        Item(Obj obj) {
            this.obj = obj;
        }
    }

    private @Nullable Obj object(Obj parent, String key, String catalogPath) {
        YamlNode node = parent.get(key);
        if (node == null) {
            return null;
        }
        if (node.kind != YamlNode.Kind.MAPPING) {
            problem(node, parent.child(key), expected("a mapping", node), "indent its keys under '" + key + ":'");
            return null;
        }
        return new Obj(node, parent.child(key), catalogPath);
    }

    private List<Item> objects(Obj parent, String key, String catalogPath) {
        YamlNode node = parent.get(key);
        List<Item> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        String path = parent.child(key);
        if (node.kind != YamlNode.Kind.LIST) {
            problem(node, path, expected("a list", node), "write each entry on a line starting with '- '");
            return result;
        }
        for (int i = 0; i < node.items.size(); i++) {
            YamlNode item = node.items.get(i);
            if (item.kind != YamlNode.Kind.MAPPING) {
                problem(item, path + "[" + i + "]", expected("a mapping", item), "see docs/release-pilot.example.yml");
            } else {
                result.add(new Item(new Obj(item, path + "[" + i + "]", catalogPath)));
            }
        }
        return result;
    }

    /** The scalar at {@code key} or null (with a problem) when it is missing-and-required or not a scalar. */
    private @Nullable YamlNode scalar(Obj o, String key, boolean required, String hint) {
        YamlNode node = o.get(key);
        if (node == null) {
            if (required) {
                o.missing(key, hint);
            }
            return null;
        }
        if (node.kind == YamlNode.Kind.NULL) {
            problem(
                    node,
                    o.child(key),
                    "'" + key + "' has no value",
                    required ? hint : "remove the key to use the default");
            return null;
        }
        if (!node.isScalar()) {
            problem(node, o.child(key), expected("a single value", node), hint);
            return null;
        }
        return node;
    }

    private @Nullable String text(Obj o, String key, @Nullable String fallback, String hint) {
        YamlNode node = scalar(o, key, fallback == null, hint);
        if (node == null) {
            return o.has(key) ? null : fallback;
        }
        if (node.text.isBlank()) {
            problem(node, o.child(key), "'" + key + "' is empty", hint);
            return null;
        }
        return node.text;
    }

    private @Nullable String scalarText(Obj o, String key) {
        YamlNode node = scalar(o, key, false, "");
        return node == null ? null : node.text;
    }

    private @Nullable Optional<String> optText(Obj o, String key) {
        if (!o.has(key)) {
            return Optional.empty();
        }
        String value = text(o, key, null, "");
        return value == null ? null : Optional.of(value);
    }

    private @Nullable Integer integer(Obj o, String key, @Nullable Integer fallback, int min, int max) {
        YamlNode node = scalar(o, key, fallback == null, "");
        if (node == null) {
            return o.has(key) ? null : fallback;
        }
        long value;
        try {
            if (node.kind != YamlNode.Kind.NUMBER && node.kind != YamlNode.Kind.STRING) {
                throw new NumberFormatException();
            }
            value = Long.parseLong(node.text.trim());
        } catch (NumberFormatException notAnInteger) {
            problem(
                    node,
                    o.child(key),
                    expected("a whole number", node),
                    "e.g. '" + key + ": " + Math.max(min, fallback == null ? min : fallback) + "'");
            return null;
        }
        if (value < min || value > max) {
            problem(node, o.child(key), key + " must be between " + min + " and " + max + ", got " + value, "");
            return null;
        }
        return (int) value;
    }

    private @Nullable Double number(Obj o, String key, @Nullable Double fallback, double min, double max) {
        YamlNode node = scalar(o, key, fallback == null, "");
        if (node == null) {
            return o.has(key) ? null : fallback;
        }
        Double value = parseNumber(node);
        if (value == null) {
            problem(
                    node,
                    o.child(key),
                    expected("a number", node),
                    "e.g. '" + key + ": " + Quantity.formatNumber(fallback == null ? min : fallback) + "'");
            return null;
        }
        if (value < min || value > max) {
            problem(
                    node,
                    o.child(key),
                    key + " must be between " + Quantity.formatNumber(min) + " and " + Quantity.formatNumber(max)
                            + ", got " + Quantity.formatNumber(value),
                    "");
            return null;
        }
        return value;
    }

    private @Nullable Double positiveNumber(Obj o, String key, double fallback) {
        Double value = number(o, key, fallback, -Double.MAX_VALUE, Double.MAX_VALUE);
        if (value != null && value <= 0) {
            problem(
                    o.get(key),
                    o.child(key),
                    key + " must be more than 0, got " + Quantity.formatNumber(value),
                    "the default is " + Quantity.formatNumber(fallback));
            return null;
        }
        return value;
    }

    /** A 0..100 score written as a number ({@code 90}) or a percentage ({@code 90%}). */
    private @Nullable Double percentNumber(Obj o, String key, double fallback) {
        YamlNode node = o.get(key);
        if (node != null
                && node.kind == YamlNode.Kind.STRING
                && Percent.parseNumber(node.text).isPresent()) {
            double value = Percent.parseNumber(node.text).get();
            if (value < 0 || value > 100) {
                problem(node, o.child(key), key + " must be between 0 and 100, got " + node.text, "");
                return null;
            }
            return value;
        }
        return number(o, key, fallback, 0, 100);
    }

    private static @Nullable Double parseNumber(YamlNode node) {
        if (node.kind != YamlNode.Kind.NUMBER && node.kind != YamlNode.Kind.STRING) {
            return null;
        }
        String text = node.text.trim();
        if (!text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return null;
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? value : null;
    }

    private @Nullable Boolean bool(Obj o, String key, boolean fallback) {
        YamlNode node = scalar(o, key, false, "");
        if (node == null) {
            return o.has(key) ? null : fallback;
        }
        String text = node.text.trim().toLowerCase(Locale.ROOT);
        if (node.kind == YamlNode.Kind.BOOLEAN || text.equals("true") || text.equals("false")) {
            return text.equals("true");
        }
        problem(node, o.child(key), expected("true or false", node), "");
        return null;
    }

    private @Nullable Duration duration(Obj o, String key, @Nullable Duration fallback, boolean positive) {
        YamlNode node = scalar(o, key, fallback == null, "e.g. '" + key + ": 90s' or '2m'");
        if (node == null) {
            return o.has(key) ? null : fallback;
        }
        Optional<Duration> parsed = DurationText.parse(node.text);
        if (parsed.isEmpty()) {
            boolean bareNumber = parseNumber(node) != null;
            problem(
                    node,
                    o.child(key),
                    "'" + node.text + "' is not a duration",
                    bareNumber
                            ? "add a unit: '" + node.text.trim() + "s' or '" + node.text.trim() + "m'"
                            : "write e.g. 500ms, 90s, 2m, 1h");
            return null;
        }
        Duration value = parsed.get();
        if (value.isNegative() || (positive && value.isZero())) {
            problem(
                    node,
                    o.child(key),
                    key + " must be " + (positive ? "positive" : "zero or more") + ", got " + node.text.trim(),
                    positive ? "e.g. 30s" : "use 0s for 'at once'");
            return null;
        }
        return value;
    }

    private @Nullable Percent percent(Obj o, String key, @Nullable Percent fallback, double max, String hint) {
        YamlNode node = scalar(o, key, fallback == null, hint);
        if (node == null) {
            return o.has(key) ? null : fallback;
        }
        Optional<Double> parsed = node.kind == YamlNode.Kind.STRING ? Percent.parseNumber(node.text) : Optional.empty();
        if (parsed.isEmpty()) {
            boolean bareNumber = parseNumber(node) != null;
            problem(
                    node,
                    o.child(key),
                    "'" + node.text + "' is not a percentage",
                    bareNumber ? "add the percent sign: '" + node.text.trim() + "%'" : "write e.g. 25% or 0.5%");
            return null;
        }
        double value = parsed.get();
        if (value < 0) {
            problem(node, o.child(key), key + " must not be negative, got " + node.text.trim(), "");
            return null;
        }
        if (value > max) {
            problem(
                    node,
                    o.child(key),
                    key + " " + node.text.trim() + " is over " + Quantity.formatNumber(max) + "%",
                    "at most " + Quantity.formatNumber(max) + "%");
            return null;
        }
        return Percent.of(value);
    }

    private @Nullable Quantity quantity(Obj o, String key, boolean required) {
        YamlNode node = scalar(o, key, required, "a percentage (2%), duration (1000ms) or number (3)");
        if (node == null) {
            return null;
        }
        Optional<Quantity> parsed = Quantity.parse(node.text);
        if (parsed.isEmpty() || node.kind == YamlNode.Kind.BOOLEAN) {
            problem(
                    node,
                    o.child(key),
                    "'" + node.text + "' is not a threshold",
                    "a percentage (2%), duration (1000ms) or number (3)");
            return null;
        }
        return parsed.get();
    }

    private @Nullable Comparator comparator(Obj o, String key, @Nullable Comparator fallback) {
        YamlNode node = scalar(o, key, fallback == null, "one of <, <=, >, >=, == (quoted)");
        if (node == null) {
            return o.has(key) ? null : fallback;
        }
        Optional<Comparator> parsed = Comparator.ofSymbol(node.text);
        if (parsed.isEmpty()) {
            problem(
                    node,
                    o.child(key),
                    "'" + node.text + "' is not a comparator",
                    "one of \"<\", \"<=\", \">\", \">=\", \"==\" (quoted)");
            return null;
        }
        return parsed.get();
    }

    private <E extends Enum<E> & SpecEnum> @Nullable E enumValue(
            Obj o, String key, Class<E> type, @Nullable E fallback) {
        List<String> names =
                SpecEnum.specValues(type).stream().map(SpecEnum::yamlName).collect(Collectors.toList());
        YamlNode node = scalar(o, key, fallback == null, "one of " + String.join(", ", names));
        if (node == null) {
            return o.has(key) ? null : fallback;
        }
        return enumOf(node, o.child(key), type, names);
    }

    private <E extends Enum<E> & SpecEnum> @Nullable E enumOf(
            YamlNode node, String path, Class<E> type, List<String> names) {
        for (E constant : SpecEnum.specValues(type)) {
            if (constant.yamlName().equals(node.text.trim())) {
                return constant;
            }
        }
        String hint = suggestion(node.text.trim(), names);
        problem(
                node,
                path,
                "unknown value '" + node.text + "'",
                hint.isEmpty() ? "one of " + String.join(", ", names) : hint);
        return null;
    }

    private <E extends Enum<E> & SpecEnum> @Nullable List<E> enumList(
            Obj o, String key, Class<E> type, List<E> fallback) {
        YamlNode node = o.get(key);
        if (node == null) {
            return fallback;
        }
        List<String> names =
                SpecEnum.specValues(type).stream().map(SpecEnum::yamlName).collect(Collectors.toList());
        if (node.kind != YamlNode.Kind.LIST) {
            problem(node, o.child(key), expected("a list", node), "e.g. [" + String.join(", ", names) + "]");
            return null;
        }
        List<E> result = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < node.items.size(); i++) {
            YamlNode item = node.items.get(i);
            E value = item.isScalar() ? enumOf(item, o.child(key) + "[" + i + "]", type, names) : null;
            if (!item.isScalar()) {
                problem(item, o.child(key) + "[" + i + "]", expected("a single value", item), "");
            }
            if (value == null) {
                ok = false;
            } else if (!result.contains(value)) {
                result.add(value);
            }
        }
        return ok ? result : null;
    }

    private @Nullable List<String> strings(Obj o, String key, @Nullable List<String> fallback) {
        YamlNode node = o.get(key);
        if (node == null) {
            if (fallback == null) {
                o.missing(key, "a list, e.g. [\"a\", \"b\"]");
            }
            return fallback;
        }
        if (node.kind != YamlNode.Kind.LIST) {
            problem(
                    node,
                    o.child(key),
                    expected("a list", node),
                    "write it as [\"" + (node.isScalar() ? node.text : "...") + "\"]");
            return null;
        }
        List<String> result = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < node.items.size(); i++) {
            YamlNode item = node.items.get(i);
            if (!item.isScalar() || item.kind == YamlNode.Kind.NULL || item.text.isBlank()) {
                problem(item, o.child(key) + "[" + i + "]", expected("a non-empty string", item), "");
                ok = false;
            } else {
                result.add(item.text);
            }
        }
        return ok ? result : null;
    }

    /** A program and its arguments: a list, never a shell string (no injection through a shell). */
    private @Nullable List<String> command(Obj o, String key, @Nullable List<String> fallback) {
        YamlNode node = o.get(key);
        if (node != null && node.kind == YamlNode.Kind.STRING) {
            problem(
                    node,
                    o.child(key),
                    "a command is a list of program and arguments, not a shell string",
                    "write it as [\"" + String.join("\", \"", node.text.trim().split("\\s+")) + "\"]");
            return null;
        }
        List<String> command = strings(o, key, fallback);
        if (command != null && command.isEmpty()) {
            problem(node, o.child(key), "the command is empty", "give at least the program");
            return null;
        }
        return command;
    }

    private @Nullable URI url(Obj o, String key, boolean required) {
        YamlNode node = scalar(o, key, required, "e.g. http://127.0.0.1:8080/healthz");
        if (node == null) {
            return null;
        }
        try {
            URI uri = new URI(node.text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                problem(node, o.child(key), "'" + node.text + "' is not an http(s) URL", "e.g. http://127.0.0.1:9090");
                return null;
            }
            if (uri.getRawUserInfo() != null) {
                problem(
                        node,
                        o.child(key),
                        "the URL contains credentials; secrets never go in the spec",
                        "remove 'user:password@' and use an ...Env variable or a credentials ID");
                return null;
            }
            return uri;
        } catch (URISyntaxException notAUrl) {
            problem(
                    node,
                    o.child(key),
                    "'" + node.text + "' is not a URL: " + notAUrl.getReason(),
                    "e.g. http://127.0.0.1:9090");
            return null;
        }
    }

    private @Nullable Optional<String> envName(Obj o, String key) {
        return secretReference(
                o,
                key,
                ENV_NAME,
                "the name of an environment variable",
                "is not an environment variable name",
                "name the variable that holds the value (e.g. RP_DATABASE_PASSWORD), never the value itself");
    }

    private @Nullable Optional<String> credentialsId(Obj o, String key) {
        return secretReference(
                o,
                key,
                CREDENTIALS_ID,
                "a Jenkins credentials ID",
                "is not a credentials ID",
                "the ID of a Jenkins credential, e.g. release-pilot-db");
    }

    /** A field that names where a secret lives (a variable, a credential), never the secret: masked in messages. */
    private @Nullable Optional<String> secretReference(
            Obj o, String key, java.util.regex.Pattern form, String expected, String notIt, String hint) {
        if (!o.has(key)) {
            return Optional.empty();
        }
        String value = text(o, key, null, expected);
        if (value == null) {
            return null;
        }
        if (!form.matcher(value).matches()) {
            problem(o.get(key), o.child(key), "'" + mask(value) + "' " + notIt, hint);
            return null;
        }
        return Optional.of(value);
    }

    /** Whatever was written where a name belongs may be the secret itself: never echo it whole. */
    private static String mask(String value) {
        return value.length() <= 4 ? value : value.substring(0, 2) + "…" + "(" + value.length() + " characters)";
    }

    // ---------------------------------------------------------------- checks and reporting

    private void knownMetric(String name, int line, int column, String path) {
        if (!metricNames.contains(name)) {
            String hint = suggestion(name, metricNames);
            problem(
                    line,
                    column,
                    path,
                    "'" + name + "' is not a query in metrics.prometheus.queries nor "
                            + MetricsSpec.HEALTH_CHECK_FAILURES,
                    hint.isEmpty() ? "known: " + String.join(", ", sorted(metricNames)) : hint);
        }
    }

    private void unique(Set<String> seen, @Nullable String name, Obj o, String key, String what) {
        if (name != null && !seen.add(name)) {
            problem(o.get(key), o.child(key), "duplicate " + what + " name '" + name + "'", "names must be unique");
        }
    }

    private void unknownKey(YamlNode.Entry entry, String path, List<String> known) {
        String key = entry.key();
        boolean secretName = SECRET_KEY.matcher(key).matches()
                && !key.endsWith("Env")
                && !key.endsWith("CredentialsId")
                && !key.equals("credentialsId");
        if (secretName) {
            problem(
                    entry.line(),
                    entry.column(),
                    path,
                    "'" + key + "' looks like a secret; secrets never go in the spec",
                    "name an environment variable ('" + key + "Env: MY_VARIABLE') or a Jenkins credentials ID "
                            + "('credentialsId: my-credential')");
            return;
        }
        String hint = suggestion(key, known);
        problem(
                entry.line(),
                entry.column(),
                path,
                "unknown key '" + key + "'",
                hint.isEmpty() ? (known.isEmpty() ? "" : "known keys here: " + String.join(", ", known)) : hint);
    }

    /** {@code did you mean 'x'?} for the closest name within a small edit distance, else empty. */
    static String suggestion(String given, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = EditDistance.between(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(2, given.length() / 3);
        return best != null && bestDistance <= allowed ? "did you mean '" + best + "'?" : "";
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().collect(Collectors.toList());
    }

    private static String expected(String what, YamlNode got) {
        return "expected " + what + ", got " + got.describe();
    }

    private void problem(@Nullable YamlNode node, String path, String message, String hint) {
        int line = node == null ? 1 : node.line;
        int column = node == null ? 1 : node.column;
        problem(line, column, path, message, hint);
    }

    private void problem(int line, int column, String path, String message, String hint) {
        problems.add(new Problem(file, line, column, path, message, hint));
    }

    private static <T> void add(List<T> list, @Nullable T value) {
        if (value != null) {
            list.add(value);
        }
    }

    /**
     * Builds a record once its parts are read. When a part already reported a problem the record cannot be built and
     * null is returned quietly; a record that rejects parts the binder accepted is reported at {@code node}.
     */
    private <T> @Nullable T build(int problemsBefore, YamlNode node, String path, Supplier<T> constructor) {
        if (problems.size() > problemsBefore) {
            return null;
        }
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException rejected) {
            String message = rejected.getMessage() == null ? "invalid value" : rejected.getMessage();
            problem(node, path, message, "");
            return null;
        }
    }

    private static Map<ObjectiveSource, Set<String>> objectiveKeys() {
        Map<ObjectiveSource, Set<String>> keys = new HashMap<>();
        Set<String> report = Set.of("metric", "comparator", "pass", "warning");
        keys.put(ObjectiveSource.JUNIT, report);
        keys.put(ObjectiveSource.JACOCO, report);
        keys.put(ObjectiveSource.SARIF, report);
        keys.put(ObjectiveSource.PROMETHEUS, Set.of("query", "comparator", "pass", "warning"));
        keys.put(ObjectiveSource.PROBE, Set.of("url", "expectStatus", "failures", "timeout"));
        keys.put(ObjectiveSource.REGRESSION, Set.of("query", "baseline", "maxRegression"));
        Map<ObjectiveSource, Set<String>> withCommon = new HashMap<>();
        keys.forEach((source, specific) -> {
            Set<String> all = new LinkedHashSet<>(OBJECTIVE_COMMON);
            all.addAll(specific);
            withCommon.put(source, Set.copyOf(all));
        });
        return Map.copyOf(withCommon);
    }
}
