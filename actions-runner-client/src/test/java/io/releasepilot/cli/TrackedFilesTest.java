package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No tracked file names a path that exists only on one machine (a home, work or temp folder): such a path works for
 * its author and nowhere else. Lives here because this module's tests already check repository-wide files.
 */
class TrackedFilesTest {

    /**
     * An absolute path into a home, work or temp folder, where a path starts: at the start of a line, after a space,
     * quote, bracket, '=' or ':' (YAML, properties), or in a file URL. A path inside a URL ("https://host/home/x") or
     * under a variable ("$dir/tmp/body") is preceded by a word character or '}' and is not one.
     */
    private static final Pattern MACHINE_PATH = Pattern.compile("(?:^|(?<=[\\s\"'`(=:,;\\[{<>|])|(?<=file://))"
            + "(/work/|/root(?=[/\\s\"'`:;,)]|$)|/home/[^/\\s\"'`]+|/Users/[^/\\s\"'`]+|/tmp/[\\w.-]+|/var/folders/)");

    /** A mktemp template ({@code /tmp/rp-check.XXXXXX}): it names no directory until mktemp makes a fresh one. */
    private static final Pattern MKTEMP_TEMPLATE = Pattern.compile("/tmp/[\\w.-]*XXX");

    /** The allowlist: each entry a file ("*" for any) and a path it may name, with the reason. Keep it small. */
    private static final List<Allowed> ALLOWED = List.of(
            new Allowed(
                    "actions-runner-client/src/test/java/io/releasepilot/cli/TrackedFilesTest.java",
                    "/",
                    "this check's own pattern and the examples it is tested with"),
            new Allowed("*", "/tmp/rp-services", "RP_SVC_DIR's documented default (scripts/services, README, tests)"),
            new Allowed(
                    "actions-runner-client/src/test/java/io/releasepilot/cli/WorkspaceConfinementTest.java",
                    "/tmp/anything.yml",
                    "an absolute --spec outside CI, which the test only resolves, never opens"),
            new Allowed(
                    "shared-lib/src/test/java/io/releasepilot/core/application/HostileProcessesIT.java",
                    "/root",
                    "a host HOME value the scrubbed environment is checked against, never opened"),
            new Allowed(
                    "shared-lib/src/test/java/io/releasepilot/core/process/ProcessPolicyTest.java",
                    "/home/runner",
                    "a runner's HOME value the policy passes through, never opened"),
            new Allowed(
                    "shared-lib/src/test/java/io/releasepilot/core/process/ProcessPolicyTest.java",
                    "/tmp/evil.so",
                    "the LD_PRELOAD value a caller must not smuggle in, never loaded"),
            new Allowed(
                    "actions-runner-client/src/test/java/io/releasepilot/cli/actions/ActionsContextTest.java",
                    "/tmp/out",
                    "a runner's GITHUB_OUTPUT value that the test only parses, never opens"),
            new Allowed(
                    "actions-runner-client/src/test/java/io/releasepilot/cli/actions/ActionsContextTest.java",
                    "/tmp/summary",
                    "a runner's GITHUB_STEP_SUMMARY value that the test only parses, never opens"),
            new Allowed(
                    "shared-lib/src/test/java/io/releasepilot/core/traffic/TrafficSplitTest.java",
                    "/tmp/u.conf",
                    "a config path in a value object that the test never writes"),
            new Allowed(
                    "shared-lib/src/test/java/io/releasepilot/core/traffic/nginx/NginxTrafficRouterTest.java",
                    "/tmp/never-written.conf",
                    "a config path the test asserts is never written"));

    /** Folders the fallback walk skips when git is missing: build output and tool state, never tracked. */
    private static final Set<String> UNTRACKED_FOLDERS = Set.of(".git", "target", "node_modules", ".release-pilot");

    @Test
    void shouldNameNoMachinePathInAnyTrackedFile() throws IOException {
        Path root = repositoryRoot();
        List<String> hits = new ArrayList<>();
        List<String> files = trackedFiles(root);
        for (String file : files) {
            hits.addAll(machinePaths(file, root.resolve(file)));
        }

        assertThat(files).as("tracked files found under %s", root).hasSizeGreaterThan(100);
        assertThat(hits)
                .as("name such paths relative to the repository (e.g. ../shared/tools/...) or from a variable; "
                        + "a deliberate one goes in ALLOWED with its reason")
                .isEmpty();
    }

    @Test
    void shouldFlagTheToolPathOnceCommittedInTheCompileOnlyPom() {
        String line =
                "    Checked against upstream sources by /work/shared/tools/api-stub-check (report: STUB-CHECK.txt, "
                        + "lock: UPSTREAM.lock).</description>";

        assertThat(machinePaths("jenkins-api-compile-only/pom.xml", line)).containsExactly("/work/");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "HOME=/root",
                "cd /root/project",
                "path: /home/alice/src/release-pilot",
                "\"/Users/bob/git/rp\"",
                "store = /tmp/rp-svc-cli/env",
                "cd /tmp/rp-bench-svc.Ptn0ZW",
                "url: file:///work/main/pom.xml",
                "`/var/folders/xy/T/rp`",
                "[/tmp/embedded-pg]"
            })
    void shouldFlagHomeWorkAndTempPaths(String line) {
        assertThat(machinePaths("docs/any.md", line)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nats_server_path=/usr/sbin/nats-server",
                "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
                "see https://docs.github.com/home/actions and https://example.com/tmp/x",
                "client_body_temp_path $d/tmp/body; proxy_temp_path ${dir}/tmp/proxy;",
                "export RP_SVC_DIR=${RP_SVC_DIR:-$(mktemp -d /tmp/rp-services.XXXXXX)}",
                "tmp=$(mktemp -d /tmp/rp-check-bench.XXXXXX)",
                "workflows/release-pilot-canary.yml and ../shared/tools/api-stub-check",
                "java.io.tmpdir is /tmp/ by default",
                "the /rooted tree"
            })
    void shouldLeaveSystemPathsUrlsVariablesAndAllowedDefaultsAlone(String line) {
        assertThat(machinePaths("scripts/any", line)).isEmpty();
    }

    @Test
    void shouldAllowAListedPathOnlyInItsFile() {
        String line = "env.put(\"GITHUB_OUTPUT\", \"/tmp/out\");";

        assertThat(machinePaths(
                        "actions-runner-client/src/test/java/io/releasepilot/cli/actions/ActionsContextTest.java",
                        line))
                .isEmpty();
        assertThat(machinePaths("shared-lib/src/main/java/Any.java", line)).containsExactly("/tmp/out");
    }

    /** The machine paths named in one line of {@code file}, minus the allowed ones. */
    private static List<String> machinePaths(String file, String line) {
        List<String> found = new ArrayList<>();
        Matcher matcher = MACHINE_PATH.matcher(line);
        while (matcher.find()) {
            String path = matcher.group(1);
            if (MKTEMP_TEMPLATE.matcher(path).matches()) {
                continue; // mktemp makes a fresh directory from it on every machine
            }
            String rest = line.substring(matcher.start(1));
            boolean allowed = ALLOWED.stream()
                    .anyMatch(entry ->
                            (entry.file().equals("*") || entry.file().equals(file)) && rest.startsWith(entry.path()));
            if (!allowed) {
                found.add(path);
            }
        }
        return found;
    }

    private static List<String> machinePaths(String file, Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            return List.of(); // deleted in the work tree but still in the index
        }
        byte[] bytes = Files.readAllBytes(path);
        for (byte b : bytes) {
            if (b == 0) {
                return List.of(); // binary
            }
        }
        List<String> hits = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (String hit : machinePaths(file, lines[i])) {
                hits.add(file + ":" + (i + 1) + ": " + hit + "  in: " + lines[i].strip());
            }
        }
        return hits;
    }

    /** The folder holding the Maven wrapper: the repository root, seen from any module's working directory. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
    }

    /** {@code git ls-files}; without git (a source archive) every file outside build and tool folders. */
    private static List<String> trackedFiles(Path root) throws IOException {
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = git.getInputStream().readAllBytes();
            if (git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0) {
                return Arrays.stream(new String(out, StandardCharsets.UTF_8).split("\0"))
                        .filter(name -> !name.isEmpty())
                        .toList();
            }
        } catch (IOException e) {
            // no git on this machine: walk the files instead
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing the tracked files", e);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .filter(path -> {
                        for (Path part : path) {
                            if (UNTRACKED_FOLDERS.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .map(path -> path.toString().replace('\\', '/'))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private record Allowed(String file, String path, String reason) {}
}
