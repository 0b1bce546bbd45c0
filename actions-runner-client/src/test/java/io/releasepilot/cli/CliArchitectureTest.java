package io.releasepilot.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.releasepilot.core.testing.HostRules;

/** The runner glue rules: the environment and the standard streams are touched in one place only. */
@AnalyzeClasses(packages = "io.releasepilot.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule ONLY_MAIN_READS_THE_ENVIRONMENT = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(ReleasePilotCli.class.getName())
            .should()
            .callMethod(System.class, "getenv")
            .orShould()
            .callMethod(System.class, "getenv", String.class)
            .because("inputs and environment are parsed once at the entry point (house style 4.12)");

    @ArchTest
    static final ArchRule ONLY_MAIN_USES_THE_STANDARD_STREAMS = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(ReleasePilotCli.class.getName())
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            .because("commands print through picocli's writers so that tests and the runner can capture them");

    @ArchTest
    static final ArchRule RELEASES_GO_THROUGH_THE_CORE_USE_CASES = HostRules.RELEASES_GO_THROUGH_THE_CORE_USE_CASES;

    @ArchTest
    static final ArchRule CLI_DOES_NOT_REACH_INTO_JENKINS = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("hudson..", "jenkins..", "io.releasepilot.jenkins..");
}
