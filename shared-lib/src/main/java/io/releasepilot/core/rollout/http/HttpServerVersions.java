package io.releasepilot.core.rollout.http;

import io.releasepilot.core.rollout.ServerVersions;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** {@link ServerVersions} over HTTP (OkHttp): one GET per server, no retries, no redirects, every timeout set. */
public final class HttpServerVersions implements ServerVersions {
    /** Version pages are small; a larger body is cut, never read whole into memory. */
    private static final long MAX_BODY_BYTES = 64 * 1024;

    private final OkHttpClient base = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .build();

    @Override
    public Answer fetch(URI url, Duration timeout) {
        OkHttpClient http = base.newBuilder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .build();
        Request request;
        try {
            request = new Request.Builder().url(url.toString()).get().build();
        } catch (IllegalArgumentException e) {
            return new Answer.Unreachable("not an http(s) URL: " + url);
        }
        try (Response response = http.newCall(request).execute()) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : response.headers().names()) {
                String value = response.header(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            ResponseBody body = response.body();
            String text = body == null ? "" : head(body);
            return new Answer.Answered(response.code(), headers, text);
        } catch (IOException e) {
            return new Answer.Unreachable(
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** The body up to the cap. */
    private static String head(ResponseBody body) throws IOException {
        body.source().request(MAX_BODY_BYTES);
        long size = Math.min(MAX_BODY_BYTES, body.source().getBuffer().size());
        return new String(body.source().readByteArray(size), StandardCharsets.UTF_8);
    }
}
