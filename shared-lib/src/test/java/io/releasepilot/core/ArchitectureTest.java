package io.releasepilot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInDiagram;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;

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
import io.releasepilot.core.rollout.engine.ReleaseEngine;
import java.nio.file.Path;
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
            "notify",
            "process",
            "application");

    /**
     * The packages that may do I/O and read the clock besides the capabilities' sub-packages (providers and the engine,
     * {@code rollout.engine}): the application layer, which wires the ports. Everything else, the capability ROOT
     * packages, holds values, ports and pure deciders.
     */
    private static final Set<String> SHELLS = Set.of("application");

    /** The capability root packages (exact packages, no sub-packages): values, ports and pure deciders only. */
    private static final String[] CAPABILITY_ROOTS = CAPABILITIES.stream()
            .filter(capability -> !SHELLS.contains(capability))
            .map(capability -> CORE + "." + capability)
            .sorted()
            .toArray(String[]::new);

    /** The APIs that reach outside the process: network, files, databases, processes, brokers, repositories. */
    private static final String[] IO_PACKAGES = {
        "java.net..",
        "java.nio.file..",
        "java.sql..",
        "javax.sql..",
        "okhttp3..",
        "io.nats..",
        "org.postgresql..",
        "com.zaxxer..",
        "org.flywaydb..",
        "org.eclipse.jgit.."
    };

    /** Single I/O classes outside those packages. */
    private static final Set<String> IO_CLASSES = Set.of(
            "java.io.File",
            "java.io.FileInputStream",
            "java.io.FileOutputStream",
            "java.io.FileReader",
            "java.io.FileWriter",
            "java.io.RandomAccessFile",
            "java.lang.ProcessBuilder",
            "java.lang.Process",
            "java.lang.ProcessHandle",
            "java.lang.Runtime");

    /**
     * Value types from the I/O packages a root package may hold without doing I/O: an address or a file name is a value
     * (a smoke check's URL in the plan, a router's socket or file in its settings, the reports a gate reads); only an
     * adapter opens it. Calls on these types ({@code Path.resolve}) touch no file either.
     */
    private static final Set<String> IO_VALUE_TYPES =
            Set.of("java.net.URI", "java.net.URISyntaxException", "java.nio.file.Path");

    /**
     * The root-package classes that still read files, each for a reason (docs/decisions/0004-package-layout.md lists
     * them as a follow-up): {@code SpecReader} reads the spec file the user names and reports problems with its line
     * and column (parsing and reading share the error reporting); {@code ReportFiles} (glob expansion and type sniffing)
     * and {@code XmlReportInput} (size cap, no external entities) are shared by the junit, jacoco and sarif adapters;
     * {@code StateStoreConfig} reads the ledger's password from the file {@code RP_DATABASE_PASSWORD_FILE} names while
     * it reads the environment (a secret file is configuration, read once before any port exists).
     */
    private static final DescribedPredicate<JavaClass> FILE_READERS = JavaClass.Predicates.belongToAnyOf(
            io.releasepilot.core.spec.SpecReader.class,
            io.releasepilot.core.gate.ReportFiles.class,
            io.releasepilot.core.gate.XmlReportInput.class,
            io.releasepilot.core.state.StateStoreConfig.class);

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

    static final DescribedPredicate<JavaClass> IO_API = new DescribedPredicate<>("an I/O API") {
        @Override
        public boolean test(JavaClass target) {
            String name = target.getName();
            if (IO_VALUE_TYPES.contains(name)) {
                return false;
            }
            return IO_CLASSES.contains(name)
                    || Stream.of(IO_PACKAGES)
                            .map(pkg -> pkg.substring(0, pkg.length() - 2))
                            .anyMatch(pkg -> target.getPackageName().equals(pkg)
                                    || target.getPackageName().startsWith(pkg + "."));
        }
    };

    @ArchTest
    static final ArchRule CAPABILITY_ROOTS_DO_NO_IO = noClasses()
            .that()
            .resideInAnyPackage(CAPABILITY_ROOTS)
            .and(DescribedPredicate.not(FILE_READERS))
            .should()
            .dependOnClassesThat(IO_API)
            .because("a capability's root package holds values, ports and pure deciders; I/O lives in its provider"
                    + " sub-packages, the engine (rollout.engine) and the application layer");

    @ArchTest
    static final ArchRule CAPABILITY_ROOTS_READ_NO_CLOCK = classes()
            .that()
            .resideInAnyPackage(CAPABILITY_ROOTS)
            .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(
                    // The relay loop is a shell (drain on a deadline, wait between polls) that predates the rule; a
                    // relay sub-package of events is the follow-up (decision 0008).
                    io.releasepilot.core.events.OutboxRelay.class,
                    // The port's SYSTEM instance is the real wait, as Clock.systemUTC() is the real clock; the engine
                    // gets a Sleeper injected and the deciders never wait.
                    io.releasepilot.core.rollout.Sleeper.class)))
            .should(readNoClock())
            .because("time is passed in as an Instant or a Clock");

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

    /** docs/architecture/packages.puml, relative to the shared-lib module (the tests' working directory). */
    static final Path PACKAGE_DIAGRAM = Path.of("..", "docs", "architecture", "packages.puml");

    @ArchTest
    static final ArchRule THE_CORE_FOLLOWS_THE_PACKAGE_DIAGRAM = classes()
            .that()
            .resideInAPackage(CORE + ".*..")
            .should(adhereToPlantUmlDiagram(PACKAGE_DIAGRAM, consideringOnlyDependenciesInDiagram()))
            .because("the capability packages depend on each other only as docs/architecture/packages.puml draws it");

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

    /**
     * Violated by every clock read. Used with {@code classes()}: under {@code noClasses()} a condition that only reports
     * violations is negated into one that never fails.
     */
    private static ArchCondition<JavaClass> readNoClock() {
        return new ArchCondition<>("read no clock") {
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
