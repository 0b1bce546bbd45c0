package io.releasepilot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Proves that every service started by scripts/services really works, through the endpoints in its env file. */
class ServicesIT {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldRoundTripSqlThroughPostgres() throws Exception {
        try (var connection =
                        DriverManager.getConnection(TestServices.get("RP_PG_URL"), TestServices.get("RP_PG_USER"), "");
                var statement =
                        connection.prepareStatement("SELECT ?::text || ' ' || current_setting('server_version')")) {
            statement.setString(1, "round-trip");
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).startsWith("round-trip 15.");
            }
        }
    }

    @Test
    void shouldPublishToJetStreamAndGetAnAck() throws Exception {
        Options options = Options.builder()
                .server(TestServices.get("RP_NATS_URL"))
                .connectionTimeout(Duration.ofSeconds(2))
                .build();
        try (Connection nats = Nats.connect(options)) {
            String stream = "SERVICES_IT_" + UUID.randomUUID().toString().replace("-", "");
            JetStreamManagement management = nats.jetStreamManagement();
            management.addStream(StreamConfiguration.builder()
                    .name(stream)
                    .subjects(stream + ".>")
                    .storageType(StorageType.Memory)
                    .build());
            try {
                JetStream jetStream = nats.jetStream();
                PublishAck ack = jetStream.publish(stream + ".ping", "hello".getBytes(StandardCharsets.UTF_8));
                assertThat(ack.getStream()).isEqualTo(stream);
                assertThat(ack.getSeqno()).isEqualTo(1);
            } finally {
                management.deleteStream(stream);
            }
        }
    }

    @Test
    void shouldShowServersStateThroughTheHaproxyRuntimeApi() throws Exception {
        var address = UnixDomainSocketAddress.of(TestServices.get("RP_HAPROXY_SOCKET"));
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(address);
            channel.write(ByteBuffer.wrap("show servers state app\n".getBytes(StandardCharsets.US_ASCII)));
            String answer = new String(readAll(channel), StandardCharsets.US_ASCII);
            assertThat(answer).contains(" app ").contains(" blue ").contains(" green ");
        }
        HttpResponse<String> response = get(TestServices.get("RP_HAPROXY_URL") + "/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("blue");
    }

    @Test
    void shouldProxyARequestThroughNginxToALocalBackend() throws Exception {
        int port = Integer.parseInt(TestServices.get("RP_NGINX_BACKEND_PORT"));
        HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        backend.createContext("/", exchange -> {
            byte[] body = ("backend saw " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        try {
            HttpResponse<String> response = get(TestServices.get("RP_NGINX_PROXY_URL") + "/through-nginx");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("backend saw /through-nginx");
            assertThat(response.headers().firstValue("server"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("nginx"));
        } finally {
            backend.stop(0);
        }
    }

    @Test
    void shouldAnswerAPrometheusQuery() throws Exception {
        HttpResponse<String> response = get(TestServices.get("RP_PROMETHEUS_URL") + "/api/v1/query?query=vector(42)");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"success\"").contains("\"42\"");
    }

    @Test
    void shouldHaveAlertmanagerReady() throws Exception {
        HttpResponse<String> response = get(TestServices.get("RP_ALERTMANAGER_URL") + "/-/ready");
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] readAll(SocketChannel channel) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (channel.read(buffer) > 0) {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        return out.toByteArray();
    }
}
