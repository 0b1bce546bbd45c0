package io.releasepilot.core.spec;

import java.util.List;

/**
 * A place releases go to.
 *
 * @param branches glob rules on the branch that may release here; empty with empty tags means any ref
 * @param tags glob rules on the tag that may release here
 * @param approvers who may approve (GitHub logins, Jenkins user ids); empty means anyone with write access
 */
public record EnvironmentSpec(
        String name, List<String> branches, List<String> tags, int requiredApprovals, List<String> approvers) {
    public EnvironmentSpec {
        Require.text(name, "environment name");
        branches = Require.list(branches, "branches");
        tags = Require.list(tags, "tags");
        approvers = Require.list(approvers, "approvers");
        if (requiredApprovals < 0) {
            throw new IllegalArgumentException("requiredApprovals must be >= 0, got " + requiredApprovals);
        }
    }
}
