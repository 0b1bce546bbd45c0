package io.releasepilot.core.traffic.nginx;

import io.releasepilot.core.traffic.TrafficRouterException;
import io.releasepilot.core.traffic.TrafficSplit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * What NGINX has actually loaded, not what the file says: the rendered file also holds a small status server on
 * {@code status} ({@code host:port}) whose one location answers the generation (a hash of the upstream block) and the
 * weights of the configuration it belongs to. Only a configuration NGINX has loaded answers, so a reload that failed or
 * was never done shows the previous generation.
 */
final class NginxLiveState {
    /** The status location's path. */
    static final String PATH = "/release-pilot/generation";

    private static final Pattern ANSWER =
            Pattern.compile("generation=([0-9a-f]{16}) stable=(\\d{1,3}) canary=(\\d{1,3})");

    private final String status;
    private final OkHttpClient http;

    NginxLiveState(String status, Duration timeout) {
        this.status = status;
        this.http = new OkHttpClient.Builder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    /** What the status server answers: the generation and weights of a loaded configuration. */
    record Live(String generation, TrafficSplit split) {}

    /** The generation of an upstream block: the first 16 hex digits of its SHA-256. */
    static String generation(String upstreamBlock) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(upstreamBlock.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The status server block for the upstream block {@code upstreamBlock} carrying {@code split}. */
    String block(String upstreamBlock, TrafficSplit split) {
        return "# What NGINX has loaded, read back by Release Pilot (traffic.nginx.status).\n"
                + "server {\n"
                + "    listen " + status + ";\n"
                + "    access_log off;\n"
                + "    location = " + PATH + " {\n"
                + "        default_type text/plain;\n"
                + "        return 200 \"generation=" + generation(upstreamBlock) + " stable=" + split.stable()
                + " canary=" + split.canary() + "\\n\";\n"
                + "    }\n"
                + "}\n";
    }

    /** Asks NGINX which configuration it runs. */
    Live read() {
        String url = "http://" + status + PATH;
        Request request = new Request.Builder().url(url).get().build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            Matcher matcher = ANSWER.matcher(text);
            if (response.code() != 200 || !matcher.find()) {
                throw new TrafficRouterException("NGINX status " + url + " answered " + response.code() + " '"
                        + text.strip() + "', not a Release Pilot generation; is the rendered file included in the"
                        + " http block and NGINX reloaded?");
            }
            return new Live(
                    matcher.group(1),
                    new TrafficSplit(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))));
        } catch (IOException e) {
            throw new TrafficRouterException(
                    "cannot read NGINX's live state at " + url + ": " + e.getMessage()
                            + "; NGINX has not loaded a configuration with the status server (reload failed or not done?)",
                    e);
        }
    }
}
