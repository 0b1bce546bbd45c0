package io.releasepilot.core.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the secret, of
 * {@code <timestamp>.<body>} where the timestamp is the {@code X-Release-Pilot-Timestamp} header (Unix seconds). Signing
 * the timestamp lets receivers refuse replays older than a few minutes (docs/notifications.md).
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "X-Release-Pilot-Signature";
    public static final String TIMESTAMP_HEADER = "X-Release-Pilot-Timestamp";

    private WebhookSignature() {}

    public static String sign(byte[] secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable: " + e.getMessage(), e);
        }
    }
}
