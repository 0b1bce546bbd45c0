package io.releasepilot.core.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A place releases go to.
 *
 * @param branches glob rules on the branch that may release here; empty with empty tags means any ref
 * @param tags glob rules on the tag that may release here
 * @param approvers who may approve (GitHub logins, Jenkins user ids); empty means anyone with write access
 * @param traffic this environment's own traffic target; empty: the spec's top-level {@code traffic}
 * @param metricLabels label values substituted into the queries as {@code {{label.NAME}}} for this environment
 */
public record EnvironmentSpec(
        String name,
        List<String> branches,
        List<String> tags,
        int requiredApprovals,
        List<String> approvers,
        Optional<TrafficSpec> traffic,
        Map<String, String> metricLabels) {
    /** An environment with the spec's top-level traffic target and no metric labels. */
    public EnvironmentSpec(
            String name, List<String> branches, List<String> tags, int requiredApprovals, List<String> approvers) {
        this(name, branches, tags, requiredApprovals, approvers, Optional.empty(), Map.of());
    }

    public EnvironmentSpec {
        Require.text(name, "environment name");
        branches = Require.list(branches, "branches");
        tags = Require.list(tags, "tags");
        approvers = Require.list(approvers, "approvers");
        Require.optional(traffic, "traffic");
        metricLabels = java.util.Collections.unmodifiableMap(new TreeMap<>(Require.map(metricLabels, "metricLabels")));
        if (requiredApprovals < 0) {
            throw new IllegalArgumentException("requiredApprovals must be >= 0, got " + requiredApprovals);
        }
    }
}
