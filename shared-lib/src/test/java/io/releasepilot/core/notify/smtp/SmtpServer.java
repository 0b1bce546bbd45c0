package io.releasepilot.core.notify.smtp;

import io.releasepilot.core.process.local.LoopbackPorts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real SMTP server for the email tests: Debian's aiosmtpd (python3-aiosmtpd, installed by scripts/services) writing
 * what it accepts to a Maildir. With TLS it offers STARTTLS with a fresh self-signed certificate for 127.0.0.1 and
 * refuses mail before the upgrade (aiosmtpd's require-TLS default); without, it speaks plain SMTP only.
 */
final class SmtpServer implements AutoCloseable {
    private final Process process;
    private final Path maildir;
    private final int port;
    private final Path certificate;

    private SmtpServer(Process process, Path maildir, int port, Path certificate) {
        this.process = process;
        this.maildir = maildir;
        this.port = port;
        this.certificate = certificate;
    }

    static SmtpServer start(Path dir, boolean tls) throws IOException, InterruptedException {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        if (tls) {
            run(
                    dir,
                    "openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-days",
                    "1",
                    "-subj",
                    "/CN=127.0.0.1",
                    "-addext",
                    "subjectAltName=IP:127.0.0.1",
                    "-keyout",
                    key.toString(),
                    "-out",
                    cert.toString());
        }
        Path maildir = dir.resolve("maildir");
        int port = LoopbackPorts.free();
        List<String> command =
                new ArrayList<>(List.of("/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + port));
        if (tls) {
            command.addAll(List.of("--tlscert", cert.toString(), "--tlskey", key.toString()));
        }
        command.addAll(List.of("-c", "aiosmtpd.handlers.Mailbox", maildir.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("aiosmtpd.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new SmtpServer(process, maildir, port, cert);
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "aiosmtpd exited: " + Files.readString(dir.resolve("aiosmtpd.log")));
                }
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("aiosmtpd did not listen on " + port);
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    int port() {
        return port;
    }

    /** A socket factory that trusts only this server's certificate. */
    SSLSocketFactory trustingFactory() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(certificate))) {
            Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
            trust.setCertificateEntry("smtp", cert);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    /** The messages in the Maildir, raw. */
    List<String> messages() throws IOException {
        Path fresh = maildir.resolve("new");
        if (!Files.isDirectory(fresh)) {
            return List.of();
        }
        List<String> messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(fresh)) {
            for (Path file : files.sorted().toList()) {
                messages.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return messages;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
