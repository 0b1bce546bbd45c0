package io.releasepilot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import io.releasepilot.core.rollout.ReleaseEngine;
import java.util.Set;
import java.util.stream.Stream;

/** The house rules of docs/architecture.md, kept true by the build. */
@AnalyzeClasses(packages = "io.releasepilot.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String CORE = "io.releasepilot.core";

    /**
     * Capabilities whose root package holds values and pure deciders; adapters sit in their sub-packages. {@code
     * release} is the shared vocabulary (comparator, verdict, severity, direction, strategy, unit) all of them use;
     * {@code application} is the layer of use cases on top of them, which wires their ports together.
     */
    private static final Set<String> CAPABILITIES = Set.of(
            "release",
            "spec",
            "gate",
            "judge",
            "rollout",
            "traffic",
            "state",
            "events",
            "metrics",
            "version",
            "dora",
            "application");

    private static final String APPLICATION = CORE + ".application..";

    @ArchTest
    static final ArchRule THE_VOCABULARY_DEPENDS_ON_NO_CAPABILITY = noClasses()
            .that()
            .resideInAPackage(CORE + ".release..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(Stream.concat(
                            CAPABILITIES.stream()
                                    .filter(capability -> !capability.equals("release"))
                                    .map(capability -> CORE + "." + capability + ".."),
                            Stream.of("java.io..", "java.nio..", "java.net..", "java.sql..", "java.time.."))
                    .toArray(String[]::new))
            .because("the release vocabulary is pure values every capability shares: no I/O, no clock, no capability");

    static final DescribedPredicate<JavaClass> DECIDERS = new DescribedPredicate<>("deciders") {
        @Override
        public boolean test(JavaClass javaClass) {
            String name = javaClass.getSimpleName();
            return name.endsWith("Decider") || name.endsWith("Evaluator") || name.endsWith("Judge");
        }
    };

    @ArchTest
    static final ArchRule DECIDERS_DO_NO_IO = noClasses()
            .that(DECIDERS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.io..",
                    "java.nio.file..",
                    "java.net..",
                    "java.sql..",
                    "javax.sql..",
                    "io.nats..",
                    "org.postgresql..",
                    "okhttp3..",
                    "com.zaxxer..",
                    "org.flywaydb..",
                    "org.eclipse.jgit..")
            .because("deciders are pure functions: inputs in, a decision record out");

    @ArchTest
    static final ArchRule DECIDERS_READ_NO_CLOCK =
            noClasses().that(DECIDERS).should(readTheClock()).because("time is passed in as an Instant or a Clock");

    @ArchTest
    static final ArchRule CORE_KNOWS_NO_HOST = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "hudson..",
                    "jenkins..",
                    "org.kohsuke.stapler..",
                    "org.kohsuke.github..",
                    "io.releasepilot.jenkins..",
                    "io.releasepilot.cli..")
            .because("shared-lib is used by both front-ends and depends on neither host");

    @ArchTest
    static final ArchRule ADAPTERS_ARE_NAMED_AFTER_THEIR_PORT =
            classes().that().resideInAPackage(CORE + ".*.*..").should(beNamedAfterThePortTheyImplement());

    @ArchTest
    static final ArchRule THE_APPLICATION_LAYER_IS_ON_TOP = noClasses()
            .that()
            .resideOutsideOfPackage(APPLICATION)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(APPLICATION)
            .because("the use cases wire the capabilities together; no capability depends on a use case");

    @ArchTest
    static final ArchRule ONE_PLACE_BUILDS_A_RELEASE_ENGINE = noClasses()
            .that()
            .resideOutsideOfPackage(APPLICATION)
            .should()
            .callConstructorWhere(targetOwnerIs(ReleaseEngine.class))
            .because("a release engine is wired from the spec and the ports in one place, ReleaseSession.engine");

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching(CORE + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule NO_GRAB_BAG_NAMES = noClasses()
            .should()
            .haveSimpleNameEndingWith("Impl")
            .orShould()
            .haveSimpleNameEndingWith("Util")
            .orShould()
            .haveSimpleNameEndingWith("Utils")
            .orShould()
            .haveSimpleNameEndingWith("Helper")
            .orShould()
            .haveSimpleNameEndingWith("Manager");

    @ArchTest
    static final ArchRule NO_STANDARD_STREAMS = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule NO_JAVA_UTIL_LOGGING = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule NO_GENERIC_EXCEPTIONS = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static void capabilityPackagesAreTheDocumentedOnes(JavaClasses classes) {
        for (JavaClass javaClass : classes) {
            String pkg = javaClass.getPackageName();
            if (pkg.startsWith(CORE + ".")) {
                String capability = pkg.substring(CORE.length() + 1).split("\\.")[0];
                if (!CAPABILITIES.contains(capability)) {
                    throw new AssertionError(javaClass.getName() + " is in unknown capability package '" + capability
                            + "'; capabilities are " + CAPABILITIES);
                }
            }
        }
    }

    private static DescribedPredicate<JavaConstructorCall> targetOwnerIs(Class<?> owner) {
        return new DescribedPredicate<>("the constructor of " + owner.getSimpleName()) {
            @Override
            public boolean test(JavaConstructorCall call) {
                return call.getTargetOwner().isEquivalentTo(owner);
            }
        };
    }

    private static ArchCondition<JavaClass> readTheClock() {
        return new ArchCondition<>("read the clock") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaMethodCall call : javaClass.getMethodCallsFromSelf()) {
                    String owner = call.getTargetOwner().getName();
                    String method = call.getName();
                    boolean clockRead = (method.equals("now") && (owner.startsWith("java.time.")))
                            || (owner.equals("java.lang.System")
                                    && (method.equals("currentTimeMillis") || method.equals("nanoTime")))
                            || (owner.equals("java.time.Clock") && method.startsWith("system"))
                            || (owner.equals("java.lang.Thread") && method.equals("sleep"));
                    if (clockRead) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
            }
        };
    }

    /**
     * An adapter in {@code core.<capability>.<provider>} that implements a port of {@code core.<capability>} carries the
     * port's name as its suffix ({@code HaproxyTrafficRouter implements TrafficRouter}).
     */
    private static ArchCondition<JavaClass> beNamedAfterThePortTheyImplement() {
        return new ArchCondition<>("be named <Provider><Port> after the port they implement") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String capabilityPackage =
                        javaClass.getPackageName().replaceAll("^(" + CORE + "\\.[a-z]+)\\..*$", "$1");
                for (JavaClass port : javaClass.getRawInterfaces()) {
                    if (port.getPackageName().equals(capabilityPackage)
                            && !javaClass.getSimpleName().endsWith(port.getSimpleName())
                            && !javaClass.isAnonymousClass()
                            && !javaClass.isNestedClass()) {
                        events.add(SimpleConditionEvent.violated(
                                javaClass,
                                javaClass.getName() + " implements port " + port.getSimpleName()
                                        + " but is not named <Provider>" + port.getSimpleName()));
                    }
                }
            }
        };
    }
}
