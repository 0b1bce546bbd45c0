package io.releasepilot.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import hudson.model.BuildBadgeAction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Opens {@code target/release-pilot.hpi} the way Jenkins would and checks what maven-hpi-plugin and the injected
 * tests would have checked (jenkins-plugin.md §3, §4.2): manifests, bundled jars, indexes, views, help, Jelly.
 */
class HpiPackagingIT {
    private static final Path HPI = Path.of("target/release-pilot.hpi");
    private static final String INNER = "WEB-INF/lib/release-pilot.jar";
    private static final List<String> FORBIDDEN_PREFIXES = List.of(
            "hudson/",
            "jenkins/",
            "org/jenkinsci/",
            "org/kohsuke/stapler/",
            "com/cloudbees/",
            "org/jvnet/hudson/",
            "org/springframework/",
            "com/google/common/",
            "net/java/sezpoz/",
            "org/slf4j/");
    private static final Set<String> STEPS = Set.of(
            "io.releasepilot.jenkins.ReleaseGateStep",
            "io.releasepilot.jenkins.CanaryPromoteStep",
            "io.releasepilot.jenkins.BlueGreenCutoverStep",
            "io.releasepilot.jenkins.ReleaseRollbackStep",
            "io.releasepilot.jenkins.ReleasePromoteStep",
            "io.releasepilot.jenkins.ReleasePauseStep",
            "io.releasepilot.jenkins.ReleaseResumeStep",
            "io.releasepilot.jenkins.ReleaseAbortStep");

    private static Path innerJar;
    private static Map<String, byte[]> inner;

    @BeforeAll
    static void unpack() throws IOException {
        assertThat(HPI).as("run after package").exists();
        innerJar = Files.createTempFile("release-pilot", ".jar");
        try (ZipFile hpi = new ZipFile(HPI.toFile())) {
            ZipEntry e = hpi.getEntry(INNER);
            assertThat(e).as(INNER).isNotNull();
            try (InputStream in = hpi.getInputStream(e)) {
                Files.copy(in, innerJar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        inner = entries(innerJar);
    }

    @Test
    void shouldCarryThePluginManifestOnTheArchiveAndTheInnerJar() throws IOException {
        Manifest outer;
        try (JarFile hpi = new JarFile(HPI.toFile())) {
            outer = hpi.getManifest();
        }
        Manifest jar;
        try (JarInputStream in = new JarInputStream(Files.newInputStream(innerJar))) {
            jar = in.getManifest();
        }
        for (Manifest m : List.of(outer, jar)) {
            Attributes a = m.getMainAttributes();
            assertThat(a.getValue("Short-Name")).isEqualTo("release-pilot");
            assertThat(a.getValue("Long-Name")).isEqualTo("Release Pilot");
            assertThat(a.getValue("Plugin-Version")).isNotBlank();
            assertThat(a.getValue("Jenkins-Version")).isEqualTo("2.541.3");
            assertThat(a.getValue("Url")).startsWith("https://");
            assertThat(a.getValue("Support-Dynamic-Loading")).isEqualTo("true");
            assertThat(a.getValue("Extension-Name"))
                    .as("core prefers Short-Name")
                    .isNull();
            assertThat(a.getValue("Plugin-Class")).as("no legacy hudson.Plugin").isNull();
            Map<String, String> deps = new TreeMap<>();
            for (String d : a.getValue("Plugin-Dependencies").split(",")) {
                deps.put(d.substring(0, d.indexOf(':')), d.substring(d.indexOf(':') + 1));
            }
            assertThat(deps)
                    .containsOnlyKeys("workflow-step-api", "credentials", "plain-credentials", "structs")
                    .containsEntry("workflow-step-api", "710.v3e456cc85233");
        }
        assertThat(jar.getMainAttributes().getValue("Plugin-Dependencies"))
                .isEqualTo(outer.getMainAttributes().getValue("Plugin-Dependencies"));
    }

    @Test
    void shouldBundleExactlyTheExpectedJarsAndNoJenkinsClasses() throws IOException {
        List<String> expected = Files.readAllLines(Path.of("src/test/resources/expected-bundled-artifacts.txt"));
        Set<String> bundled = new TreeSet<>();
        Pattern versioned = Pattern.compile("WEB-INF/lib/(.+?)-\\d[^/]*\\.jar");
        try (ZipFile hpi = new ZipFile(HPI.toFile())) {
            for (ZipEntry e : Collections.list(hpi.entries())) {
                String name = e.getName();
                if (!name.startsWith("WEB-INF/lib/") || name.equals(INNER) || name.endsWith("/")) {
                    continue;
                }
                Matcher m = versioned.matcher(name);
                assertThat(m.matches()).as(name).isTrue();
                bundled.add(m.group(1));
                try (InputStream in = hpi.getInputStream(e)) {
                    assertNoForbiddenClasses(name, entries(in.readAllBytes()));
                }
            }
            assertThat(Collections.list(hpi.entries()).stream().map(ZipEntry::getName))
                    .noneMatch(n -> n.startsWith("WEB-INF/classes/"));
        }
        assertThat(bundled)
                .as(
                        "src/test/resources/expected-bundled-artifacts.txt (update it when shared-lib's dependencies change)")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(bundled)
                .as("Jenkins core ships these; its parent-first class loader would shadow a bundled copy")
                .doesNotContain("slf4j-api", "commons-io", "commons-codec", "guava", "spring-security-core");
        assertNoForbiddenClasses(INNER, inner);
    }

    @Test
    void shouldIndexEveryExtensionAndSymbol() throws IOException {
        Set<String> extensions = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {innerJar.toUri().toURL()}, getClass().getClassLoader())) {
            for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
                extensions.add(item.className());
                assertThat(item.annotation().dynamicLoadable())
                        .as(item.className() + " (Support-Dynamic-Loading: true needs YES everywhere)")
                        .isEqualTo(jenkins.YesNoMaybe.YES);
            }
        }
        Set<String> descriptors = new TreeSet<>();
        STEPS.forEach(s -> descriptors.add(s + "$DescriptorImpl"));
        Set<String> expected = new TreeSet<>(descriptors);
        expected.add("io.releasepilot.jenkins.ReleasePilotConfiguration");
        expected.add("io.releasepilot.jenkins.ReleaseRunListener");
        assertThat(extensions).containsExactlyElementsOf(expected);
        assertThat(inner).containsKey("META-INF/annotations/hudson.Extension");

        String symbols = new String(inner.get("META-INF/annotations/org.jenkinsci.Symbol"), StandardCharsets.UTF_8);
        Set<String> symbolIndex = new TreeSet<>(List.of(symbols.split("\n")));
        Set<String> expectedSymbols = new TreeSet<>(descriptors);
        expectedSymbols.add("io.releasepilot.jenkins.ReleasePilotConfiguration");
        assertThat(symbolIndex).containsExactlyElementsOf(expectedSymbols);
    }

    @Test
    void shouldShipAConfigPageForEveryDescribableAndABadgeViewForEveryBadge() throws Exception {
        List<String> describables = new ArrayList<>(STEPS);
        describables.add("io.releasepilot.jenkins.ReleasePilotConfiguration");
        for (String d : describables) {
            assertThat(inner).containsKey(d.replace('.', '/') + "/config.jelly");
        }
        for (String name : inner.keySet()) {
            if (name.startsWith("io/releasepilot/jenkins/") && name.endsWith(".class") && !name.contains("$")) {
                Class<?> c = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'));
                if (BuildBadgeAction.class.isAssignableFrom(c)) {
                    assertThat(inner).containsKey(name.replace(".class", "/badge.jelly"));
                }
            }
        }
        assertThat(inner).containsKey("io/releasepilot/jenkins/ReleaseBadgeAction/badge.jelly");
        assertThat(inner).containsKey("io/releasepilot/jenkins/ReleaseSummaryAction/summary.jelly");
        assertThat(inner).containsKey("index.jelly");
    }

    @Test
    void shouldMatchEveryHelpFileToAParameter() throws Exception {
        Pattern help = Pattern.compile("(io/releasepilot/jenkins/[A-Za-z]+)/help-([A-Za-z]+)\\.html");
        int checked = 0;
        for (String name : inner.keySet()) {
            Matcher m = help.matcher(name);
            if (!m.matches()) {
                continue;
            }
            Class<?> owner = Class.forName(m.group(1).replace('/', '.'));
            assertThat(parameters(owner)).as(name).contains(m.group(2));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(STEPS.size() * 3 + 6);
        for (String step : STEPS) {
            Class<?> c = Class.forName(step);
            for (String p : parameters(c)) {
                assertThat(inner).containsKey(step.replace('.', '/') + "/help-" + p + ".html");
            }
        }
    }

    @Test
    void shouldShipOnlyWellFormedEscapedJelly() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        int jelly = 0;
        for (Map.Entry<String, byte[]> e : inner.entrySet()) {
            if (!e.getKey().endsWith(".jelly")) {
                continue;
            }
            jelly++;
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            assertThat(text).as(e.getKey()).startsWith("<?jelly escape-by-default='true'?>");
            f.newDocumentBuilder().parse(new ByteArrayInputStream(e.getValue()));
        }
        assertThat(jelly).isEqualTo(STEPS.size() + 4);
    }

    private static Set<String> parameters(Class<?> c) {
        Set<String> names = new TreeSet<>();
        for (Constructor<?> k : c.getConstructors()) {
            if (k.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : k.getParameters()) {
                    assertThat(p.isNamePresent()).as("-parameters").isTrue();
                    names.add(p.getName());
                }
            }
        }
        for (Method m : c.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class) && m.getName().startsWith("set")) {
                names.add(Character.toLowerCase(m.getName().charAt(3))
                        + m.getName().substring(4));
            }
        }
        return names;
    }

    private static void assertNoForbiddenClasses(String jar, Map<String, byte[]> entries) {
        for (String name : entries.keySet()) {
            if (name.endsWith(".class")) {
                assertThat(FORBIDDEN_PREFIXES)
                        .as(jar + " must not contain " + name)
                        .noneMatch(name::startsWith);
            }
        }
    }

    private static Map<String, byte[]> entries(Path jar) throws IOException {
        return entries(Files.readAllBytes(jar));
    }

    private static Map<String, byte[]> entries(byte[] jar) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (var e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (!e.isDirectory()) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }
}
