package io.releasepilot.cli.actions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a tiny stand-in for release-pilot.jar: it writes every output the actions map (value {@code <name>-value},
 * {@code result=ok-<command>}), echoes RP_INPUTS as output {@code inputs-json} and the RP_DATABASE_* variables it got
 * as {@code env-<NAME>}, appends a summary, prints one error annotation, and exits 1 when an input holds
 * {@code fail-me}.
 */
final class FakeReleasePilotJar {

    private static final String SOURCE = """
            import java.nio.charset.StandardCharsets;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;

            public class FakeReleasePilot {
                public static void main(String[] args) throws Exception {
                    String command = args.length > 0 ? args[0] : "";
                    String inputs = System.getenv().getOrDefault("RP_INPUTS", "");
                    StringBuilder out = new StringBuilder("result=ok-" + command + "\\n");
                    for (String name : new String[] {"verdict", "score", "summary", "report-file", "release-id",
                            "deployment-id", "weight", "step", "state", "version", "environment"}) {
                        out.append(name).append('=').append(name).append("-value\\n");
                    }
                    out.append("inputs-json<<ghadelimiter_fake\\n").append(inputs).append("\\nghadelimiter_fake\\n");
                    out.append("args=").append(String.join(" ", args)).append('\\n');
                    out.append("token-length=")
                            .append(System.getenv().getOrDefault("GITHUB_TOKEN", "").length()).append('\\n');
                    out.append("java-home=").append(System.getProperty("java.home")).append('\\n');
                    for (String name : new String[] {"RP_DATABASE_URL", "RP_DATABASE_USER", "RP_DATABASE_PASSWORD",
                            "RP_INPUT_DATABASE_PASSWORD"}) {
                        out.append("env-").append(name).append('=')
                                .append(System.getenv().getOrDefault(name, "<unset>")).append('\\n');
                    }
                    Files.writeString(Path.of(System.getenv("GITHUB_OUTPUT")), out, StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    Files.writeString(Path.of(System.getenv("GITHUB_STEP_SUMMARY")), "# fake " + command + "\\n",
                            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    System.out.println("::error file=release-pilot.yml,line=3,title=fake::fake finding for " + command);
                    if (inputs.contains("fail-me")) {
                        System.exit(1);
                    }
                }
            }
            """;

    private FakeReleasePilotJar() {}

    static Path build(Path dir) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path source = sources.resolve("FakeReleasePilot.java");
        Files.writeString(source, SOURCE, StandardCharsets.UTF_8);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "--release", "17", "-d", classes.toString(), source.toString());
        if (status != 0) {
            throw new IllegalStateException("the fake jar did not compile");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "FakeReleasePilot");
        Path jar = dir.resolve("release-pilot.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (String name : List.of("FakeReleasePilot.class")) {
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(classes.resolve(name)));
                out.closeEntry();
            }
        }
        return jar;
    }
}
