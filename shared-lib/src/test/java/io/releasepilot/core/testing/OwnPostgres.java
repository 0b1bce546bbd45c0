package io.releasepilot.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Postgres 15 server of the test's own (Debian binaries, run as the postgres user when root), on a free port, that
 * the test may stop and start. Stopped and deleted by {@link #close()}.
 */
public final class OwnPostgres implements AutoCloseable {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private final Path dir;
    private final int port;

    private OwnPostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static OwnPostgres start() {
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "rp-own-pg-");
            dir.toFile().setReadable(true, false);
            dir.toFile().setExecutable(true, false);
            run(List.of("chown", "postgres:", dir.toString()), false);
            OwnPostgres postgres = new OwnPostgres(dir, freePort());
            postgres.asPostgres(List.of(
                    BIN.resolve("initdb").toString(),
                    "-D",
                    dir.resolve("data").toString(),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "-N"));
            postgres.startServer();
            return postgres;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a Postgres of our own", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    public void startServer() {
        asPostgres(List.of(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-l",
                dir.resolve("server.log").toString(),
                "-w",
                "-t",
                "30",
                "-o",
                "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir + " -c fsync=off",
                "start"));
    }

    /** Stops the server; {@code immediate} kills sessions without a clean shutdown (as a crash would). */
    public void stopServer(boolean immediate) {
        asPostgres(List.of(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-m",
                immediate ? "immediate" : "fast",
                "-w",
                "stop"));
    }

    private void asPostgres(List<String> command) {
        run(command, true);
    }

    private static void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres && "root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("failed: " + full);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + full, e);
        }
    }

    public static int freePort() {
        try {
            return LocalProcess.freePort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    @Override
    public void close() {
        try {
            stopServer(false);
        } catch (IllegalStateException alreadyStopped) {
            // fine: the test left it stopped
        }
        run(List.of("rm", "-rf", dir.toString()), false);
    }
}
