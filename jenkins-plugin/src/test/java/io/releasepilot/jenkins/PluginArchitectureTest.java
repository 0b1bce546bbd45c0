package io.releasepilot.jenkins;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.releasepilot.core.testing.HostRules;

/** The Jenkins plugin rules of docs/jenkins.md (in the spirit of plugin-util-api's PluginArchitectureRules). */
@AnalyzeClasses(packages = "io.releasepilot.jenkins", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginArchitectureTest {
    private static final String DATA_BOUND_CONSTRUCTOR = "org.kohsuke.stapler.DataBoundConstructor";
    private static final String DATA_BOUND_SETTER = "org.kohsuke.stapler.DataBoundSetter";
    private static final String POST = "org.kohsuke.stapler.verb.POST";

    @ArchTest
    static final ArchRule jenkinsSingletonOnlyInTheFacade = noClasses()
            .that()
            .doNotHaveSimpleName("JenkinsFacade")
            .should()
            .callMethod("jenkins.model.Jenkins", "get")
            .orShould()
            .callMethod("jenkins.model.Jenkins", "getInstanceOrNull")
            .because("only JenkinsFacade may reach the Jenkins singleton; everything else runs on a fake host");

    @ArchTest
    static final ArchRule dataBoundConstructorsOnlyInPublicClasses = classes()
            .that(new DescribedPredicate<JavaClass>("declare a @DataBoundConstructor") {
                @Override
                public boolean test(JavaClass c) {
                    return c.getConstructors().stream().anyMatch(k -> k.isAnnotatedWith(DATA_BOUND_CONSTRUCTOR));
                }
            })
            .should()
            .bePublic()
            .andShould()
            .notHaveModifier(JavaModifier.ABSTRACT)
            .because("Stapler binds only public concrete classes (its ConstructorProcessor rejects the rest)");

    @ArchTest
    static final ArchRule dataBoundSettersOnlyInPublicClasses = classes()
            .that(new DescribedPredicate<JavaClass>("declare a @DataBoundSetter") {
                @Override
                public boolean test(JavaClass c) {
                    return c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(DATA_BOUND_SETTER));
                }
            })
            .should()
            .bePublic()
            .because("Stapler sets only public setters of public classes; an abstract public base class's setters are"
                    + " bound for its concrete subclasses (as pipeline-utility-steps' AbstractFileOrGlobStep)");

    @ArchTest
    static final ArchRule formEndpointsArePostAndCheckPermissions = methods()
            .that()
            .haveNameMatching("do(Check|Fill|Test).*")
            .should()
            .beAnnotatedWith(POST)
            .andShould()
            .bePublic()
            .andShould(checkAPermission())
            .because("form endpoints must resist CSRF and must not leak data to users without the permission");

    @ArchTest
    static final ArchRule stepsDoNotSleep = noClasses()
            .that()
            .haveSimpleNameEndingWith("Step")
            .or()
            .haveSimpleNameEndingWith("Execution")
            .or()
            .haveSimpleNameStartingWith("Release")
            .should()
            .callMethod(Thread.class, "sleep", long.class)
            .because("steps are asynchronous: waiting belongs to the core on a worker thread");

    @ArchTest
    static final ArchRule neverReadsAProcessEnvironment = noClasses()
            .should()
            .callMethod(System.class, "getenv")
            .orShould()
            .callMethod(System.class, "getenv", String.class)
            .orShould()
            .callMethod(ProcessBuilder.class, "environment")
            .because("the controller's (or agent's) environment is no secret store: secrets come from Jenkins"
                    + " Credentials, bound to the build (withCredentials) or resolved by ID");

    @ArchTest
    static final ArchRule noProcessIsStartedByThePlugin = noClasses()
            .should()
            .callConstructor(ProcessBuilder.class, String[].class)
            .orShould()
            .callConstructor(ProcessBuilder.class, java.util.List.class)
            .orShould()
            .callMethod(Runtime.class, "exec", String.class)
            .orShould()
            .callMethod(Runtime.class, "exec", String[].class)
            .because("the plugin starts no process itself: the core does, inside an AgentTask on the agent");

    @ArchTest
    static final ArchRule releasesGoThroughTheCoreUseCases = HostRules.RELEASES_GO_THROUGH_THE_CORE_USE_CASES;

    @ArchTest
    static final ArchRule persistedJenkinsObjectsHoldOnlyJdkTypes = classes()
            .that()
            .areAssignableTo("hudson.model.Action")
            .or()
            .areAssignableTo("hudson.model.Describable")
            .or()
            .areAssignableTo("hudson.model.Descriptor")
            .or()
            .areAssignableTo("org.jenkinsci.plugins.workflow.steps.Step")
            .should(holdOnlyJdkTypesInInstanceFields())
            .because("XStream persists them (JEP-200): records and third-party types would not load back");

    private static ArchCondition<JavaMethod> checkAPermission() {
        return new ArchCondition<>("call a permission check") {
            @Override
            public void check(JavaMethod m, ConditionEvents events) {
                boolean checks = m.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getName().startsWith("check")
                                && (call.getTargetOwner().getSimpleName().equals("JenkinsFacade")
                                        || call.getName().equals("checkPermission")));
                events.add(new SimpleConditionEvent(
                        m, checks, m.getFullName() + (checks ? " checks" : " does not check") + " a permission"));
            }
        };
    }

    private static ArchCondition<JavaClass> holdOnlyJdkTypesInInstanceFields() {
        return new ArchCondition<>("hold only JDK types (not records) in instance fields") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaField f : c.getFields()) {
                    if (f.getModifiers().contains(JavaModifier.STATIC)) {
                        continue;
                    }
                    JavaClass type = f.getRawType();
                    boolean ok = (type.isPrimitive() || type.getPackageName().startsWith("java.")) && !type.isRecord();
                    events.add(new SimpleConditionEvent(f, ok, f.getFullName() + " is of type " + type.getName()));
                }
            }
        };
    }
}
