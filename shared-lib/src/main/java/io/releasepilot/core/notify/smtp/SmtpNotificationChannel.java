package io.releasepilot.core.notify.smtp;

import io.releasepilot.core.notify.DeliveryOutcome;
import io.releasepilot.core.notify.Notification;
import io.releasepilot.core.notify.NotificationChannel;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Email over SMTP with Angus Mail. The URL is {@code smtp://[user@]host[:port]} (port 587 by default); STARTTLS is
 * required (a server that does not offer it is a failed delivery, never a plain-text send), unless the URL's scheme is
 * {@code smtp+insecure} (local relays only). The Message-ID is derived from the delivery key, so a resend after a crash
 * can be recognised by the receiving side.
 */
public final class SmtpNotificationChannel implements NotificationChannel {
    private final String name;
    private final URI url;
    private final @Nullable String password;
    private final String from;
    private final List<String> to;
    private final Duration timeout;
    private final @Nullable SSLSocketFactory tls;

    /**
     * @param tls the socket factory for the STARTTLS upgrade; null for the JVM's default trust store (tests pass one
     *     that trusts their own server's certificate)
     */
    public SmtpNotificationChannel(
            String name,
            URI url,
            @Nullable String password,
            String from,
            List<String> to,
            Duration timeout,
            @Nullable SSLSocketFactory tls) {
        this.name = Objects.requireNonNull(name, "name");
        this.url = Objects.requireNonNull(url, "url");
        if (url.getHost() == null
                || !(url.getScheme().equals("smtp") || url.getScheme().equals("smtp+insecure"))) {
            throw new io.releasepilot.core.InvalidInputException("email target '" + name
                    + "': the URL must be smtp://[user@]host[:port] (or smtp+insecure:// for a local relay)");
        }
        this.password = password;
        this.from = Objects.requireNonNull(from, "from");
        this.to = List.copyOf(to);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.tls = tls;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryOutcome send(Notification notification, String deliveryKey) {
        Session session = Session.getInstance(properties());
        try {
            MimeMessage message = new KeyedMessage(session, deliveryKey);
            message.setFrom(new InternetAddress(from));
            for (String recipient : to) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
            }
            message.setSubject(notification.title(), StandardCharsets.UTF_8.name());
            message.setText(notification.text(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(notification.time()));
            message.setHeader("X-Release-Pilot-Delivery", deliveryKey);
            String user = url.getUserInfo();
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(url.getHost(), port(), user, user == null ? null : password);
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
            return new DeliveryOutcome.Delivered("accepted by " + url.getHost() + " for " + to.size() + " recipients");
        } catch (AddressException | AuthenticationFailedException e) {
            return new DeliveryOutcome.Rejected("SMTP " + url.getHost() + ": " + e.getMessage());
        } catch (SendFailedException e) {
            return new DeliveryOutcome.Rejected("SMTP " + url.getHost() + " refused the recipients: " + e.getMessage());
        } catch (MessagingException e) {
            return new DeliveryOutcome.Retry("SMTP " + url.getHost() + ":" + port() + ": " + e, null);
        }
    }

    private int port() {
        return url.getPort() < 0 ? 587 : url.getPort();
    }

    private Properties properties() {
        Properties properties = new Properties();
        boolean secure = url.getScheme().equals("smtp");
        String millis = Long.toString(timeout.toMillis());
        properties.put("mail.smtp.host", url.getHost());
        properties.put("mail.smtp.port", Integer.toString(port()));
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        properties.put("mail.smtp.starttls.enable", Boolean.toString(secure));
        properties.put("mail.smtp.starttls.required", Boolean.toString(secure));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.auth", Boolean.toString(url.getUserInfo() != null));
        if (tls != null) {
            properties.put("mail.smtp.ssl.socketFactory", tls);
        }
        return properties;
    }

    /** A message whose Message-ID is the delivery key's, the same on every attempt. */
    private static final class KeyedMessage extends MimeMessage {
        private final String deliveryKey;

        KeyedMessage(Session session, String deliveryKey) {
            super(session);
            this.deliveryKey = deliveryKey;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + deliveryKey.replace('/', '.') + "@release-pilot>");
        }
    }
}
