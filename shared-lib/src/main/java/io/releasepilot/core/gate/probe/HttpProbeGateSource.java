package io.releasepilot.core.gate.probe;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.Observation;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An HTTP health probe: GET {@code url} up to {@code failures} times, {@code interval} apart, until it answers with
 * {@code expectStatus} within {@code timeout}. A refused connection or a timeout is a failed check (the service is
 * down), not missing data. The value, named after the objective, is the number of consecutive failures before the
 * first success ({@code failures} when every attempt failed); objectives compare it with {@code < failures}. Values:
 * {@code <name>} and {@code <name>.healthy} (1 or 0).
 */
public final class HttpProbeGateSource implements GateSource {

    public static final String TYPE = "probe";

    private final String name;
    private final URI url;
    private final int expectStatus;
    private final int failures;
    private final Duration interval;
    private final OkHttpClient http;

    public HttpProbeGateSource(
            String name, URI url, int expectStatus, int failures, Duration timeout, Duration interval) {
        if (HttpUrl.parse(url.toString()) == null) {
            throw new InvalidInputException("probe '" + name + "': '" + url + "' is not an http(s) URL");
        }
        if (failures < 1 || timeout.isZero() || timeout.isNegative() || interval.isNegative()) {
            throw new InvalidInputException("probe '" + name + "': failures ≥ 1, a positive timeout and interval ≥ 0");
        }
        this.name = name;
        this.url = url;
        this.expectStatus = expectStatus;
        this.failures = failures;
        this.interval = interval;
        this.http = new OkHttpClient.Builder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Observation observe() {
        int consecutive = 0;
        String last = "";
        while (consecutive < failures) {
            String problem = check();
            if (problem.isEmpty()) {
                break;
            }
            last = problem;
            consecutive++;
            if (consecutive < failures && !pause()) {
                return Observation.unavailable(TYPE, url.toString(), "interrupted while probing");
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(name, (double) consecutive);
        values.put(name + ".healthy", consecutive < failures ? 1.0 : 0.0);
        String origin = url + (last.isEmpty() ? "" : " (last failure: " + last + ")");
        return Observation.of(TYPE, origin, values);
    }

    /** One probe: empty when healthy, else what was wrong. */
    private String check() {
        Request request = new Request.Builder().url(url.toString()).get().build();
        try (Response response = http.newCall(request).execute()) {
            return response.code() == expectStatus ? "" : "HTTP " + response.code() + ", expected " + expectStatus;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(interval.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
