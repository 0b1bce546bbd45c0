package io.releasepilot.core.spec;

import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Direction;
import io.releasepilot.core.release.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds {@code rollback}: the triggers (critical rolls back, warning notifies, a {@code deviation} trigger pauses for
 * review), what an abort does and what missing data does.
 */
final class RollbackBinder {
    private final SpecValues values;
    private final Set<String> metricNames;

    RollbackBinder(SpecValues values, Set<String> metricNames) {
        this.values = values;
        this.metricNames = metricNames;
    }

    Bound<RollbackSpec> bind(Mapping o) {
        Parts parts = values.parts();
        List<DeviationTriggerSpec> deviations = new ArrayList<>();
        Bound<List<TriggerSpec>> triggers =
                parts.add(o.has("triggers") ? triggers(o, deviations) : Bound.of(SpecDefaults.rollbackTriggers()));
        Bound<AbortAction> onAbort =
                parts.add(values.enumValue(o, "onAbort", AbortAction.class, SpecDefaults.ON_ABORT));
        Bound<MissingDataAction> onMissingData =
                parts.add(values.enumValue(o, "onMissingData", MissingDataAction.class, SpecDefaults.ON_MISSING_DATA));
        return parts.build(
                o, () -> new RollbackSpec(triggers.value(), onAbort.value(), onMissingData.value(), deviations));
    }

    private Bound<List<TriggerSpec>> triggers(Mapping rollback, List<DeviationTriggerSpec> deviations) {
        Parts list = values.parts();
        List<TriggerSpec> result = new ArrayList<>();
        List<YamlNode> nodes = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Mapping o : list.objects(rollback, "triggers", "rollback.triggers[]")) {
            if (o.has("deviation")) {
                list.add(deviation(o, names)).ifValid(deviations::add);
                continue;
            }
            list.add(trigger(o, names)).ifValid(trigger -> {
                result.add(trigger);
                nodes.add(o.node);
            });
        }
        checkWarningTiers(list, rollback, result, nodes);
        return list.result(result);
    }

    /** A trigger with {@code deviation}: canary against baseline, relative; its action is always review. */
    private Bound<DeviationTriggerSpec> deviation(Mapping o, Set<String> names) {
        Parts parts = values.parts();
        Bound<String> name = parts.add(values.text(o, "name", null, "e.g. 'name: checkout-drop'"));
        parts.unique(names, name, o, "name", "trigger");
        Bound<String> metric =
                parts.add(values.text(o, "metric", null, "a query name from metrics.prometheus.queries"));
        YamlNode metricNode = o.get("metric");
        if (metric.isValid() && metricNode != null) {
            parts.knownMetric(metricNames, metric.value(), metricNode.line, metricNode.column, o.child("metric"));
        }
        for (String key : List.of("comparator", "threshold", "for", "severity")) {
            YamlNode node = o.get(key);
            if (node != null) {
                parts.problem(
                        node,
                        o.child(key),
                        "a deviation trigger takes no '" + key + "'",
                        "it compares the canary with the stable side: give 'deviation', 'direction' and 'against'");
            }
        }
        Bound<Percent> deviation =
                parts.add(values.percent(o, "deviation", null, 1000, "e.g. 'deviation: 50%' (relative to stable)"));
        if (deviation.isValid() && deviation.value().value() == 0) {
            parts.problem(
                    o.get("deviation"),
                    o.child("deviation"),
                    "deviation must be more than 0%",
                    "e.g. 'deviation: 50%'");
        }
        Bound<Direction> direction =
                parts.add(values.enumValue(o, "direction", Direction.class, SpecDefaults.DEVIATION_DIRECTION));
        Bound<DeviationBaseline> against =
                parts.add(values.enumValue(o, "against", DeviationBaseline.class, SpecDefaults.DEVIATION_BASELINE));
        Bound<String> action = parts.add(values.text(o, "action", "review", "'action: review'"));
        if (action.isValid() && !"review".equals(action.value())) {
            YamlNode node = o.get("action");
            parts.problem(
                    node == null ? o.node : node,
                    o.child("action"),
                    "unknown action '" + action.value() + "' for a deviation trigger",
                    "'review' (pause and wait for an operator's promote or abort) is the only one");
        }
        return parts.build(
                o,
                () -> new DeviationTriggerSpec(
                        name.value(), metric.value(), deviation.value(), direction.value(), against.value()));
    }

    private Bound<TriggerSpec> trigger(Mapping o, Set<String> names) {
        Parts parts = values.parts();
        Bound<String> name = parts.add(values.text(o, "name", null, "e.g. 'name: error-rate'"));
        parts.unique(names, name, o, "name", "trigger");
        Bound<String> metric = parts.add(
                values.text(o, "metric", null, "a query name from metrics.prometheus.queries, or healthCheckFailures"));
        YamlNode metricNode = o.get("metric");
        if (metric.isValid() && metricNode != null) {
            parts.knownMetric(metricNames, metric.value(), metricNode.line, metricNode.column, o.child("metric"));
        }
        Bound<Comparator> comparator =
                parts.add(values.comparator(o, "comparator", MetricThreshold.COMPARATORS, MetricThreshold.WHAT));
        Bound<Quantity> threshold = parts.add(values.quantity(o, "threshold"));
        Bound<Duration> window = parts.add(values.duration(o, "for", SpecDefaults.TRIGGER_FOR, false));
        Bound<Severity> severity =
                parts.add(values.enumValue(o, "severity", Severity.class, SpecDefaults.TRIGGER_SEVERITY));
        return parts.build(
                o,
                () -> new TriggerSpec(
                        name.value(),
                        metric.value(),
                        comparator.value(),
                        threshold.value(),
                        window.value(),
                        severity.value()));
    }

    /** A warning trigger exists to fire before the critical one on the same metric; one that cannot is a mistake. */
    private static void checkWarningTiers(
            Parts parts, Mapping rollback, List<TriggerSpec> triggers, List<YamlNode> nodes) {
        for (int w = 0; w < triggers.size(); w++) {
            TriggerSpec warning = triggers.get(w);
            if (warning.severity() != Severity.WARNING) {
                continue;
            }
            for (TriggerSpec critical : triggers) {
                if (critical.severity() != Severity.CRITICAL
                        || !critical.metric().equals(warning.metric())
                        || critical.comparator().isUpward()
                                != warning.comparator().isUpward()) {
                    continue;
                }
                double wv = warning.threshold().asNumber();
                double cv = critical.threshold().asNumber();
                boolean moreSevere = warning.comparator().isUpward() ? wv > cv : wv < cv;
                boolean sameButNotEarlier = wv == cv && warning.forDuration().compareTo(critical.forDuration()) >= 0;
                if (moreSevere || sameButNotEarlier) {
                    YamlNode node = nodes.get(w);
                    YamlNode thresholdNode = node.get("threshold");
                    parts.problem(
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

    private static int indexOf(Mapping parent, YamlNode item) {
        YamlNode list = parent.get("triggers");
        return list == null ? 0 : list.items.indexOf(item);
    }
}
