package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the spec writes them: {@code 500ms}, {@code 90s}, {@code 2m}, {@code 1h30m}, {@code 1d}. */
public final class DurationText {
    private static final Pattern WHOLE = Pattern.compile("(-?)((?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+)");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final long MAX_MILLIS = Duration.ofDays(3650).toMillis();

    private DurationText() {}

    /**
     * Parses a duration; empty when the text is not one. A leading minus parses to a negative duration so the reader
     * can report "must be positive" instead of "not a duration". Plain {@code 0} is zero.
     */
    public static Optional<Duration> parse(String text) {
        String trimmed = text.trim();
        if (trimmed.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher whole = WHOLE.matcher(trimmed);
        if (!whole.matches()) {
            return Optional.empty();
        }
        double millis = 0;
        Matcher part = PART.matcher(whole.group(2));
        while (part.find()) {
            double amount = Double.parseDouble(part.group(1));
            millis += amount * unitMillis(part.group(2));
        }
        if (millis > MAX_MILLIS) {
            return Optional.empty();
        }
        Duration duration = Duration.ofMillis(Math.round(millis));
        return Optional.of(whole.group(1).isEmpty() ? duration : duration.negated());
    }

    /** The shortest spec spelling of a duration: {@code 2m}, {@code 90s}, {@code 500ms}, {@code 0s}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        String sign = millis < 0 ? "-" : "";
        millis = Math.abs(millis);
        if (millis == 0) {
            return "0s";
        }
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (millis % units[i] == 0) {
                return sign + millis / units[i] + names[i];
            }
        }
        return sign + millis + "ms";
    }

    private static double unitMillis(String unit) {
        switch (unit) {
            case "ms":
                return 1;
            case "s":
                return 1000;
            case "m":
                return 60_000;
            case "h":
                return 3_600_000;
            default:
                return 86_400_000;
        }
    }
}
