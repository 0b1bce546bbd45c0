package io.releasepilot.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NotificationChannel} must do: deliver a sample to its (real or validating) receiver and say so;
 * report an unreachable receiver as a failure worth retrying, without throwing; keep the delivery key stable, so a
 * retry can be recognised. Public because adapters in other modules may extend it via the test-jar.
 */
public abstract class NotificationChannelContractTest {

    /** The channel, sending to {@code endpoint} (the receiver of {@link #receiverUrl()} or another address). */
    protected abstract NotificationChannel channel(URI endpoint);

    /** Where the test's receiver listens. */
    protected abstract URI receiverUrl();

    /** How many deliveries the receiver accepted that carry {@code deliveryKey} or, when it cannot tell, in all. */
    protected abstract int received(String deliveryKey);

    /** A URL of the same kind on a port nobody listens on. */
    protected abstract URI deadUrl(int port);

    @Test
    void shouldDeliverASampleNotification() {
        Notification notification = SampleNotifications.rollback();
        String key = Delivery.key(notification, "target");

        DeliveryOutcome outcome = channel(receiverUrl()).send(notification, key);

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(received(key)).isPositive();
    }

    @Test
    void shouldAskForARetryWhenTheReceiverIsDown() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Notification notification = SampleNotifications.rollback();

        DeliveryOutcome outcome = channel(deadUrl(port)).send(notification, Delivery.key(notification, "target"));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Retry.class);
    }
}
