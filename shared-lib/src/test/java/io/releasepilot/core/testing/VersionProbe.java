package io.releasepilot.core.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Asks a load balancer which versions answer: {@code n} sequential GETs, bodies counted (errors as "HTTP <code>"). */
public final class VersionProbe {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private VersionProbe() {}

    public static Map<String, Integer> count(URI uri, int n) throws IOException, InterruptedException {
        Map<String, Integer> counts = new TreeMap<>();
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String key = response.statusCode() == 200 ? response.body().strip() : "HTTP " + response.statusCode();
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    /** Rounds of {@link #count} until one is answered by {@code version} alone (or 5 s pass); the last round. */
    public static Map<String, Integer> awaitOnly(URI uri, String version, int n)
            throws IOException, InterruptedException {
        return await(uri, n, round -> round.equals(Map.of(version, n)));
    }

    /**
     * Counts rounds of {@code n} until one satisfies {@code done} (or 5 s pass) and returns the last round: for
     * balancers whose change lands asynchronously (an NGINX reload shifts about 100 ms after the signal, and old
     * workers finish their keep-alive requests with the old weights).
     */
    public static Map<String, Integer> await(URI uri, int n, Predicate<Map<String, Integer>> done)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        Map<String, Integer> last = count(uri, n);
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            last = count(uri, n);
        }
        return last;
    }
}
