package io.releasepilot.core.gate.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.GateSourceException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The Prometheus HTTP API ({@code /api/v1/query}, {@code /api/v1/query_range}) over OkHttp, every call bounded by the
 * configured timeout. An unreachable or failing Prometheus is a {@link GateSourceException}; a query Prometheus
 * rejects (bad PromQL) is an {@link InvalidInputException}, since the spec holds the query.
 */
public final class PrometheusClient {

    /** Placeholder in named queries replaced by the version being measured (stable or canary). */
    public static final String VERSION_PLACEHOLDER = "{{version}}";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpUrl baseUrl;
    private final Duration timeout;
    private final Optional<String> bearerToken;
    private final OkHttpClient http;

    public PrometheusClient(URI baseUrl, Duration timeout, Optional<String> bearerToken) {
        HttpUrl parsed = HttpUrl.parse(baseUrl.toString());
        if (parsed == null) {
            throw new InvalidInputException("metrics.prometheus.url '" + baseUrl + "' is not an http(s) URL");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidInputException("metrics.prometheus.timeout must be positive, was " + timeout);
        }
        this.baseUrl = parsed;
        this.timeout = timeout;
        this.bearerToken = bearerToken;
        this.http = new OkHttpClient.Builder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .retryOnConnectionFailure(false)
                .build();
    }

    public URI url() {
        return baseUrl.uri();
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Replaces {@code {{version}}} in {@code query}, escaped for the PromQL string it stands in (a {@code "} in a tag
     * cannot end the string and rewrite the query).
     */
    public static String withVersion(String query, String version) {
        return PromqlSubstitution.substitute(query, VERSION_PLACEHOLDER, version);
    }

    /** An instant query at Prometheus's current time. */
    public List<PrometheusSeries> instant(String query) {
        return parse(query, call("api/v1/query", Map.of("query", query)));
    }

    /** An instant query at {@code time}. */
    public List<PrometheusSeries> instant(String query, Instant time) {
        return parse(query, call("api/v1/query", Map.of("query", query, "time", seconds(time))));
    }

    /** A range query from {@code start} to {@code end} every {@code step}. */
    public List<PrometheusSeries> range(String query, Instant start, Instant end, Duration step) {
        if (!end.isAfter(start) || step.isZero() || step.isNegative()) {
            throw new InvalidInputException("range query needs start < end and a positive step");
        }
        Map<String, String> parameters = Map.of(
                "query", query,
                "start", seconds(start),
                "end", seconds(end),
                "step", Double.toString(step.toMillis() / 1000.0));
        return parse(query, call("api/v1/query_range", parameters));
    }

    /**
     * The canary and baseline samples of one judge metric over a window: with {@code {{version}}} in the query it is
     * run once per version; otherwise once, and the series are split by {@code versionLabel}. NaN samples are dropped.
     */
    public VersionSamples versionSamples(
            String query,
            String versionLabel,
            String canaryVersion,
            String baselineVersion,
            Instant start,
            Instant end,
            Duration step) {
        if (query.contains(VERSION_PLACEHOLDER)) {
            return new VersionSamples(
                    query,
                    samples(range(withVersion(query, canaryVersion), start, end, step), null, canaryVersion),
                    samples(range(withVersion(query, baselineVersion), start, end, step), null, baselineVersion));
        }
        List<PrometheusSeries> series = range(query, start, end, step);
        return new VersionSamples(
                query, samples(series, versionLabel, canaryVersion), samples(series, versionLabel, baselineVersion));
    }

    /** With no {@code versionLabel} every series counts: the query itself selected the version. */
    private static double[] samples(List<PrometheusSeries> series, @Nullable String versionLabel, String version) {
        int count = 0;
        List<double[]> parts = new ArrayList<>();
        for (PrometheusSeries one : series) {
            if (versionLabel == null || version.equals(one.labels().get(versionLabel))) {
                double[] values = one.values();
                parts.add(values);
                count += values.length;
            }
        }
        double[] all = new double[count];
        int n = 0;
        for (double[] part : parts) {
            for (double value : part) {
                if (!Double.isNaN(value)) {
                    all[n++] = value;
                }
            }
        }
        return java.util.Arrays.copyOf(all, n);
    }

    private JsonNode call(String path, Map<String, String> parameters) {
        HttpUrl.Builder url = baseUrl.newBuilder().addPathSegments(path);
        parameters.forEach(url::addQueryParameter);
        Request.Builder request = new Request.Builder().url(url.build()).get();
        bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        try (Response response = http.newCall(request.build()).execute()) {
            ResponseBody body = response.body();
            String text = body.string();
            JsonNode json = text.isEmpty() ? null : readJson(text);
            if (response.code() == 400 || response.code() == 422) {
                String error = json == null ? text : json.path("error").asText(text);
                throw new InvalidInputException(
                        "Prometheus rejected query '" + parameters.get("query") + "': " + error);
            }
            if (!response.isSuccessful()
                    || json == null
                    || !"success".equals(json.path("status").asText())) {
                throw new GateSourceException("Prometheus at " + baseUrl + " answered HTTP " + response.code()
                        + " for '" + parameters.get("query") + "'");
            }
            return json.path("data");
        } catch (IOException e) {
            throw new GateSourceException(
                    "Prometheus at " + baseUrl + " is unreachable within " + timeout.toMillis() + " ms: " + e
                            + " (check metrics.prometheus.url)",
                    e);
        }
    }

    private JsonNode readJson(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new GateSourceException("Prometheus at " + baseUrl + " answered with invalid JSON", e);
        }
    }

    private static List<PrometheusSeries> parse(String query, JsonNode data) {
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        List<PrometheusSeries> series = new ArrayList<>();
        switch (type) {
            case "scalar" ->
                series.add(new PrometheusSeries(
                        Map.of(), new double[] {result.get(0).asDouble()}, new double[] {value(result.get(1))}));
            case "vector" -> {
                for (JsonNode item : result) {
                    JsonNode sample = item.path("value");
                    series.add(new PrometheusSeries(
                            labels(item.path("metric")),
                            new double[] {sample.get(0).asDouble()},
                            new double[] {value(sample.get(1))}));
                }
            }
            case "matrix" -> {
                for (JsonNode item : result) {
                    JsonNode samples = item.path("values");
                    double[] timestamps = new double[samples.size()];
                    double[] values = new double[samples.size()];
                    for (int i = 0; i < samples.size(); i++) {
                        timestamps[i] = samples.get(i).get(0).asDouble();
                        values[i] = value(samples.get(i).get(1));
                    }
                    series.add(new PrometheusSeries(labels(item.path("metric")), timestamps, values));
                }
            }
            default ->
                throw new GateSourceException(
                        "Prometheus returned an unsupported result type '" + type + "' for '" + query + "'");
        }
        return series;
    }

    private static double value(JsonNode text) {
        String value = text.asText();
        return switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    private static Map<String, String> labels(JsonNode metric) {
        Map<String, String> labels = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            labels.put(label.getKey(), label.getValue().asText());
        }
        return labels;
    }

    private static String seconds(Instant time) {
        return Double.toString(time.toEpochMilli() / 1000.0);
    }
}
