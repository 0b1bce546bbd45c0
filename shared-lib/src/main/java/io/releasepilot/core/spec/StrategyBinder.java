package io.releasepilot.core.spec;

import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.ReleaseStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Binds {@code strategy}: its type, the canary plan (steps with their criteria, the judge) and the blue-green plan.
 * The user-facing checks of canary steps live here, once: weights whole percents, strictly increasing, the last 100 %.
 */
final class StrategyBinder {
    private static final Pattern CRITERION = Pattern.compile("\\s*(<=|>=|==|<|>)\\s*(.+)");

    private final SpecValues values;
    private final Set<String> metricNames;

    StrategyBinder(SpecValues values, Set<String> metricNames) {
        this.values = values;
        this.metricNames = metricNames;
    }

    Bound<StrategySpec> bind(Mapping root, Mapping o) {
        Parts parts = values.parts();
        Bound<ReleaseStrategy> type =
                parts.add(values.enumValue(o, "type", ReleaseStrategy.class, SpecDefaults.STRATEGY));
        Bound<CanarySpec> canary = parts.add(parts.object(o, "canary", "strategy.canary")
                .map(this::canary)
                .orElseGet(() -> Bound.of(SpecDefaults.canary())));
        Bound<BlueGreenSpec> blueGreen = parts.add(parts.object(o, "blueGreen", "strategy.blueGreen")
                .map(b -> new BlueGreenBinder(values).bind(b))
                .orElseGet(() -> Bound.of(SpecDefaults.blueGreen())));
        if (!root.has("traffic") && !everyEnvironmentRoutes(root) && type.isValid()) {
            parts.problem(
                    root.node,
                    "traffic",
                    "strategy '" + type.value().yamlName()
                            + "' needs a traffic router, but there is no 'traffic' section",
                    "add 'traffic: { router: haproxy, haproxy: {...} }' (or nginx, command)");
        }
        return parts.build(o, () -> new StrategySpec(type.value(), canary.value(), blueGreen.value()));
    }

    /** Whether environments are declared and each has a traffic target of its own (no top-level one needed). */
    private static boolean everyEnvironmentRoutes(Mapping root) {
        YamlNode environments = root.get("environments");
        return environments != null
                && environments.kind == YamlNode.Kind.LIST
                && !environments.items.isEmpty()
                && environments.items.stream()
                        .allMatch(e -> e.kind == YamlNode.Kind.MAPPING && e.get("traffic") != null);
    }

    private Bound<CanarySpec> canary(Mapping o) {
        Parts parts = values.parts();
        Bound<Duration> interval =
                parts.add(values.duration(o, "analysisInterval", SpecDefaults.ANALYSIS_INTERVAL, true));
        Bound<List<CanaryStepSpec>> steps = parts.add(o.has("steps") ? steps(o) : Bound.of(SpecDefaults.canarySteps()));
        Bound<JudgeSpec> judge = parts.add(parts.object(o, "judge", "strategy.canary.judge")
                .map(j -> new JudgeBinder(values).bind(j))
                .orElseGet(() -> Bound.of(SpecDefaults.judge())));
        // The same hooks as blue-green: deploy the target slot before traffic moves, retire the old one after.
        BlueGreenBinder hooks = new BlueGreenBinder(values);
        Bound<Optional<HookSpec>> deploy =
                parts.add(hooks.hook(parts, o, "deploy", "strategy.canary.deploy", SpecDefaults.HOOK_DEPLOY_TIMEOUT));
        Bound<Optional<HookSpec>> retire =
                parts.add(hooks.hook(parts, o, "retire", "strategy.canary.retire", SpecDefaults.HOOK_RETIRE_TIMEOUT));
        return parts.build(
                o,
                () -> new CanarySpec(interval.value(), steps.value(), judge.value(), deploy.value(), retire.value()));
    }

    private Bound<List<CanaryStepSpec>> steps(Mapping canary) {
        Parts list = values.parts();
        List<Mapping> items = list.objects(canary, "steps", "strategy.canary.steps[]");
        YamlNode stepsNode = canary.get("steps");
        if (items.isEmpty() && stepsNode != null && stepsNode.kind == YamlNode.Kind.LIST) {
            list.problem(
                    stepsNode, canary.child("steps"), "a canary needs at least one step", "end with '- weight: 100%'");
        }
        List<CanaryStepSpec> result = new ArrayList<>();
        Percent previous = null;
        int previousLine = 0;
        for (int i = 0; i < items.size(); i++) {
            Mapping o = items.get(i);
            boolean last = i == items.size() - 1;
            Parts parts = values.parts();
            Bound<Percent> weight = parts.add(values.percent(o, "weight", null, 100, "e.g. 'weight: 25%'"));
            if (weight.isValid()) {
                checkWeight(parts, o, weight.value(), previous, previousLine, last);
                previous = weight.value();
                YamlNode weightNode = o.get("weight");
                previousLine = weightNode == null ? 0 : weightNode.line;
            }
            Bound<Duration> duration = parts.add(
                    last
                            ? values.duration(o, "duration", Duration.ZERO, false)
                            : values.duration(o, "duration", null, true));
            Bound<List<CriterionSpec>> criteria = parts.add(criteria(o));
            list.add(parts.build(o, () -> new CanaryStepSpec(weight.value(), duration.value(), criteria.value())))
                    .ifValid(result::add);
        }
        return list.result(result);
    }

    /**
     * More than 0 %, a whole percent (routers split traffic in whole percents, so 0.5 % would silently become 0 % or
     * 1 %), more than the step before, and 100 % on the last step.
     */
    private static void checkWeight(
            Parts parts, Mapping o, Percent weight, @Nullable Percent previous, int previousLine, boolean last) {
        YamlNode weightNode = o.get("weight");
        if (weight.value() == 0) {
            parts.problem(weightNode, o.child("weight"), "weight must be more than 0%", "the first step is e.g. 5%");
        } else if (weight.value() != Math.rint(weight.value())) {
            long down = (long) Math.floor(weight.value());
            long up = (long) Math.ceil(weight.value());
            parts.problem(
                    weightNode,
                    o.child("weight"),
                    "weight " + weight + " is not a whole percent",
                    "routers split traffic in whole percents: write "
                            + (down < 1 ? up + "%" : down + "% or " + up + "%"));
        }
        if (previous != null && weight.compareTo(previous) <= 0) {
            parts.problem(
                    weightNode,
                    o.child("weight"),
                    "weights must be strictly increasing: " + weight + " follows " + previous + " (line " + previousLine
                            + ")",
                    "give each step a larger weight than the one before");
        }
        if (last && weight.value() != 100 && weight.value() <= 100) {
            parts.problem(
                    weightNode,
                    o.child("weight"),
                    "the last step must be 100%, got " + weight,
                    "add a final step '- weight: 100%'");
        }
    }

    private Bound<List<CriterionSpec>> criteria(Mapping step) {
        YamlNode node = step.get("criteria");
        String path = step.child("criteria");
        if (node == null) {
            return Bound.of(List.of());
        }
        if (node.kind != YamlNode.Kind.MAPPING) {
            return values.problem(
                    node,
                    path,
                    Hints.expected("a mapping of query name to condition", node),
                    "e.g. { errorRate: \"< 1%\" }");
        }
        Parts parts = values.parts();
        List<CriterionSpec> result = new ArrayList<>();
        for (YamlNode.Entry entry : node.entries) {
            String entryPath = path + "." + entry.key();
            parts.knownMetric(metricNames, entry.key(), entry.line(), entry.column(), entryPath);
            YamlNode value = entry.value();
            Matcher matcher = value.isScalar() ? CRITERION.matcher(value.text) : null;
            if (matcher == null || !matcher.matches()) {
                parts.problem(
                        value,
                        entryPath,
                        Hints.expected("a comparator and a threshold", value),
                        "e.g. \"< 0.5%\", \"<= 400ms\"; quote it");
                continue;
            }
            Optional<Quantity> threshold = Quantity.parse(matcher.group(2));
            if (threshold.isEmpty()) {
                parts.problem(
                        value,
                        entryPath,
                        "'" + matcher.group(2) + "' is not a threshold",
                        "a percentage (1%), duration (400ms) or number");
                continue;
            }
            Comparator comparator = Comparator.ofSymbol(matcher.group(1)).orElseThrow();
            if (!MetricThreshold.COMPARATORS.contains(comparator)) {
                parts.problem(
                        value,
                        entryPath,
                        Hints.refused(comparator, MetricThreshold.WHAT),
                        Hints.takes(
                                MetricThreshold.COMPARATORS,
                                MetricThreshold.WHAT,
                                Comparator.LESS_OR_EQUAL.symbol() + " "
                                        + matcher.group(2).trim()));
                continue;
            }
            result.add(new CriterionSpec(entry.key(), comparator, threshold.get()));
        }
        return parts.result(result);
    }
}
