package io.releasepilot.core.testing;

import io.releasepilot.core.traffic.TrafficRouterSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * NGINX master in the foreground ({@code daemon off}), started and stopped by PID, proxying {@code /} to upstream
 * {@code app}, which lives in {@code upstream.conf} (the file the NGINX router owns). Keep-alive to the upstream, as a
 * production setup would have.
 */
public final class NginxProcess extends LocalProcess {
    private final Path dir;
    private final int port;

    private NginxProcess(List<String> argv, Path dir, int port) throws IOException {
        super(argv, dir);
        this.dir = dir;
        this.port = port;
        awaitPort(port);
    }

    /** Starts NGINX with an initial upstream of {@code stablePort} only ({@code canaryPort} down). */
    public static NginxProcess start(Path dir, int stablePort, int canaryPort) throws IOException {
        int port = freePort();
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(
                dir.resolve("upstream.conf"),
                "upstream app {\n    server 127.0.0.1:" + stablePort + " weight=100;\n    server 127.0.0.1:"
                        + canaryPort + " down;\n    keepalive 32;\n}\n");
        String tmp = dir.resolve("tmp").toString();
        String conf = "daemon off;\n"
                + "master_process on;\n"
                + "worker_processes 1;\n"
                + "pid " + dir.resolve("nginx.pid") + ";\n"
                + "error_log " + dir.resolve("error.log") + " warn;\n"
                + "events { worker_connections 1024; }\n"
                + "http {\n"
                + "  access_log off;\n"
                + "  client_body_temp_path " + tmp + "/body;\n"
                + "  proxy_temp_path " + tmp + "/proxy;\n"
                + "  fastcgi_temp_path " + tmp + "/fastcgi;\n"
                + "  uwsgi_temp_path " + tmp + "/uwsgi;\n"
                + "  scgi_temp_path " + tmp + "/scgi;\n"
                + "  include " + dir.resolve("upstream.conf") + ";\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + port + ";\n"
                + "    location / {\n"
                + "      proxy_pass http://app;\n"
                + "      proxy_http_version 1.1;\n"
                + "      proxy_set_header Connection \"\";\n"
                + "    }\n"
                + "  }\n"
                + "}\n";
        Files.writeString(dir.resolve("nginx.conf"), conf);
        return new NginxProcess(
                List.of(
                        "nginx",
                        "-e",
                        dir.resolve("error.log").toString(),
                        "-p",
                        dir.toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString()),
                dir,
                port);
    }

    public int port() {
        return port;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public Path upstreamFile() {
        return dir.resolve("upstream.conf");
    }

    public List<String> testCommand() {
        return List.of(
                "nginx",
                "-t",
                "-q",
                "-e",
                dir.resolve("error.log").toString(),
                "-p",
                dir.toString(),
                "-c",
                dir.resolve("nginx.conf").toString());
    }

    public List<String> reloadCommand() {
        return List.of(
                "nginx",
                "-s",
                "reload",
                "-e",
                dir.resolve("error.log").toString(),
                "-p",
                dir.toString(),
                "-c",
                dir.resolve("nginx.conf").toString());
    }

    /** Router settings for upstream {@code app}. */
    public TrafficRouterSettings.Nginx settings(int stablePort, int canaryPort) {
        return new TrafficRouterSettings.Nginx(
                "app",
                upstreamFile(),
                "127.0.0.1:" + stablePort,
                "127.0.0.1:" + canaryPort,
                List.of("keepalive 32"),
                testCommand(),
                reloadCommand(),
                Duration.ofSeconds(10));
    }
}
