package io.releasepilot.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** ArchUnit rules both hosts keep, the CLI ({@code CliArchitectureTest}) and the Jenkins plugin. */
public final class HostRules {
    /**
     * A host is glue: releases, operator actions, rollbacks and gate records are the use cases of {@code
     * io.releasepilot.core.application}, which both hosts share; a host that built an engine or recorded a gate itself
     * would be a second, drifting copy of them.
     */
    public static final ArchRule RELEASES_GO_THROUGH_THE_CORE_USE_CASES = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.releasepilot.core.rollout.engine.ReleaseEngine")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.releasepilot.core.rollout.engine.Rollback")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.releasepilot.core.gate.GateRecorder")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.releasepilot.core.gate.GateBypassDecider")
            .because("hosts are glue: releases and gates are the use cases of io.releasepilot.core.application");

    private HostRules() {}
}
