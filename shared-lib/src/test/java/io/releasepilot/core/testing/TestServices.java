package io.releasepilot.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Endpoints of the real services started by {@code scripts/services}: read from {@code $RP_SVC_DIR/env} (default
 * {@code /tmp/rp-services/env}). When the file is missing the script is run once, so {@code ./mvnw verify} works on
 * its own too. No port is ever hard-coded in a test.
 */
public final class TestServices {
    private static Map<String, String> endpoints;

    private TestServices() {}

    /** The value of one variable of the env file, e.g. {@code RP_PG_URL}. */
    public static synchronized String get(String name) {
        if (endpoints == null) {
            endpoints = load();
        }
        String value = endpoints.get(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not in " + envFile() + "; is scripts/services up to date?");
        }
        return value;
    }

    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("scripts/services"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "cannot find scripts/services above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path envFile() {
        String dir = System.getenv().getOrDefault("RP_SVC_DIR", "/tmp/rp-services");
        return Path.of(dir, "env");
    }

    private static Map<String, String> load() {
        try {
            if (!Files.exists(envFile()) || !servicesUp()) {
                run("start");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(envFile())) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return values;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + envFile(), e);
        }
    }

    private static boolean servicesUp() {
        return run("status") == 0;
    }

    private static int run(String verb) {
        try {
            Process process = new ProcessBuilder(
                            "bash", repositoryRoot().resolve("scripts/services").toString(), verb)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("scripts/services " + verb + " did not finish in 180 s");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/services " + verb, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running scripts/services " + verb, e);
        }
    }
}
