package io.releasepilot.core.notify.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.notify.Delivery;
import io.releasepilot.core.notify.DeliveryOutcome;
import io.releasepilot.core.notify.Notification;
import io.releasepilot.core.notify.NotificationChannel;
import io.releasepilot.core.notify.NotificationChannelContractTest;
import io.releasepilot.core.notify.SampleNotifications;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Email through a real SMTP server (aiosmtpd) that requires STARTTLS before it takes mail. */
class SmtpNotificationChannelIT extends NotificationChannelContractTest {
    private static SmtpServer server;
    private static SSLSocketFactory trust;

    @BeforeAll
    static void startServer() throws Exception {
        server = SmtpServer.start(Files.createTempDirectory("rp-smtp"), true);
        trust = server.trustingFactory();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        server.close();
    }

    @Override
    protected NotificationChannel channel(URI endpoint) {
        return new SmtpNotificationChannel(
                "mail",
                endpoint,
                null,
                "release-pilot@example.com",
                List.of("oncall@example.com", "dev@example.com"),
                Duration.ofSeconds(10),
                trust);
    }

    @Override
    protected URI receiverUrl() {
        return URI.create("smtp://127.0.0.1:" + server.port());
    }

    @Override
    protected int received(String deliveryKey) {
        try {
            String messageId = "<" + deliveryKey.replace('/', '.') + "@release-pilot>";
            return (int) server.messages().stream()
                    .filter(m -> m.contains(messageId))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected URI deadUrl(int port) {
        return URI.create("smtp://127.0.0.1:" + port);
    }

    @Test
    void shouldSendTheExplanationOverStartTls() throws Exception {
        Notification rollback = SampleNotifications.rollback();
        String key = Delivery.key(rollback, "mail");

        DeliveryOutcome outcome = channel(receiverUrl()).send(rollback, key);

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
        String message = server.messages().stream()
                .filter(m -> m.contains(key.replace('/', '.')))
                .findFirst()
                .orElseThrow();
        jakarta.mail.internet.MimeMessage parsed = new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(parsed.getSubject()).isEqualTo(rollback.title());
        assertThat(parsed.getHeader("To", ", ")).isEqualTo("oncall@example.com, dev@example.com");
        assertThat(parsed.getHeader("X-Release-Pilot-Delivery", null)).isEqualTo(key);
        assertThat((String) parsed.getContent())
                .contains("p-value 0.0012, effect size 0.91 → FAIL")
                .contains("release-pilot report --release-id");
    }

    @Test
    void shouldRefuseToSendInPlainTextWhenTheServerOffersNoStartTls() throws Exception {
        Path dir = Files.createTempDirectory("rp-smtp-plain");
        try (SmtpServer plain = SmtpServer.start(dir, false)) {
            Notification rollback = SampleNotifications.rollback();

            DeliveryOutcome outcome = channel(URI.create("smtp://127.0.0.1:" + plain.port()))
                    .send(rollback, Delivery.key(rollback, "mail"));

            assertThat(outcome).isInstanceOf(DeliveryOutcome.Retry.class);
            assertThat(((DeliveryOutcome.Retry) outcome).reason()).containsIgnoringCase("STARTTLS");
            assertThat(plain.messages()).isEmpty();
        }
    }

    @Test
    void shouldNotTrustAServerCertificateOutsideTheTrustStore() {
        Notification rollback = SampleNotifications.rollback();
        NotificationChannel defaultTrust = new SmtpNotificationChannel(
                "mail",
                receiverUrl(),
                null,
                "release-pilot@example.com",
                List.of("oncall@example.com"),
                Duration.ofSeconds(10),
                null);

        DeliveryOutcome outcome = defaultTrust.send(rollback, Delivery.key(rollback, "mail"));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Retry.class);
    }
}
