package io.releasepilot.core.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** wrk (Debian) as a bounded load generator on loopback; wrk never retries, so every lost request shows. */
public final class Wrk {
    /** The counters of one wrk run; {@link #failed()} is non-2xx/3xx plus every socket error. */
    public record Result(
            long requests,
            long non2xx,
            long connectErrors,
            long readErrors,
            long writeErrors,
            long timeouts,
            double requestsPerSecond,
            String output) {
        public long failed() {
            return non2xx + connectErrors + readErrors + writeErrors + timeouts;
        }

        public String summary() {
            return requests + " requests, " + Math.round(requestsPerSecond) + " req/s, non-2xx " + non2xx
                    + ", socket errors connect/read/write/timeout " + connectErrors + "/" + readErrors + "/"
                    + writeErrors + "/" + timeouts;
        }
    }

    private final Process process;

    private Wrk(Process process) {
        this.process = process;
    }

    /** Starts {@code wrk -t2 -cCONNECTIONS -dDURATION} against {@code uri}; collect with {@link #await()}. */
    public static Wrk start(URI uri, Duration duration, int connections) throws IOException {
        List<String> argv = List.of(
                "wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s", "--timeout", "2s", uri.toString());
        return new Wrk(new ProcessBuilder(argv).redirectErrorStream(true).start());
    }

    public Result await() throws IOException, InterruptedException {
        byte[] bytes = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("wrk did not exit");
        }
        String out = new String(bytes, StandardCharsets.UTF_8);
        long requests = number(out, "(\\d+) requests in");
        if (process.exitValue() != 0 || requests < 0) {
            throw new IOException("wrk failed (exit " + process.exitValue() + "): " + out);
        }
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        boolean errors = socket.find();
        return new Result(
                requests,
                Math.max(0, number(out, "Non-2xx or 3xx responses: (\\d+)")),
                errors ? Long.parseLong(socket.group(1)) : 0,
                errors ? Long.parseLong(socket.group(2)) : 0,
                errors ? Long.parseLong(socket.group(3)) : 0,
                errors ? Long.parseLong(socket.group(4)) : 0,
                Double.parseDouble(numberText(out, "Requests/sec:\\s+([0-9.]+)", "0")),
                out);
    }

    private static long number(String text, String regex) {
        return Long.parseLong(numberText(text, regex, "-1"));
    }

    private static String numberText(String text, String regex, String otherwise) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? matcher.group(1) : otherwise;
    }
}
