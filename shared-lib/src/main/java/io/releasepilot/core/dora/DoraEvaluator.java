package io.releasepilot.core.dora;

import io.releasepilot.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the four DORA figures from deployment records over a window. Pure: the window end is passed in.
 *
 * <p>Bands use the numeric cut-offs documented in docs/dora.md, derived from the 2023 Accelerate State of DevOps
 * report's performance clusters. A deployment belongs to the window when it finished inside [since, until].
 */
public final class DoraEvaluator {
    private static final double HOURS_PER_DAY = 24.0;
    private static final double SECONDS_PER_DAY = 86_400.0;

    /**
     * Evaluates the deployments.
     *
     * @param deployments deployments of the service(s), in any order; earlier ones (before {@code since}) are used
     *     only to attribute hotfixes and restores
     * @param since window start
     * @param until window end ("now", passed in)
     * @param targets the targets to compare with
     * @param service service label for the report
     * @param environment environment label for the report
     */
    public DoraReport evaluate(
            List<Deployment> deployments,
            Instant since,
            Instant until,
            DoraTargets targets,
            String service,
            String environment) {
        if (!since.isBefore(until)) {
            throw new InvalidInputException("DORA window start " + since + " must be before its end " + until);
        }
        Map<String, List<Deployment>> streams = new LinkedHashMap<>();
        deployments.stream()
                .sorted(Comparator.comparing(Deployment::finished))
                .forEach(d -> streams.computeIfAbsent(d.service() + "\u0000" + d.environment(), k -> new ArrayList<>())
                        .add(d));
        List<Deployment> inWindow = deployments.stream()
                .filter(d -> !d.finished().isBefore(since) && !d.finished().isAfter(until))
                .sorted(Comparator.comparing(Deployment::finished))
                .toList();
        double days = Duration.between(since, until).getSeconds() / SECONDS_PER_DAY;

        List<DoraFigure> figures = List.of(
                frequency(inWindow, days, targets),
                leadTime(inWindow, targets),
                changeFailureRate(inWindow, streams, targets),
                timeToRestore(streams, since, until, targets));
        return new DoraReport(service, environment, since, until, inWindow.size(), figures);
    }

    private static DoraFigure frequency(List<Deployment> inWindow, double days, DoraTargets targets) {
        String target = ">= " + format(targets.deploymentsPerDay()) + "/day";
        if (inWindow.isEmpty()) {
            return noData(DoraMetric.DEPLOYMENT_FREQUENCY, target, "no deployments in the window");
        }
        long succeeded = inWindow.stream()
                .filter(d -> d.outcome() == DeploymentOutcome.SUCCEEDED)
                .count();
        double perDay = succeeded / days;
        PerformanceBand band = perDay >= 1.0
                ? PerformanceBand.ELITE
                : perDay >= 1.0 / 7
                        ? PerformanceBand.HIGH
                        : perDay >= 1.0 / 30 ? PerformanceBand.MEDIUM : PerformanceBand.LOW;
        return new DoraFigure(
                DoraMetric.DEPLOYMENT_FREQUENCY,
                Optional.of(perDay),
                Optional.empty(),
                inWindow.size(),
                target,
                perDay >= targets.deploymentsPerDay() ? TargetStatus.MET : TargetStatus.MISSED,
                band,
                succeeded + " successful deployments over " + format(days) + " days");
    }

    private static DoraFigure leadTime(List<Deployment> inWindow, DoraTargets targets) {
        String target = "< " + human(targets.leadTime());
        List<Double> hours = inWindow.stream()
                .filter(d -> d.outcome() == DeploymentOutcome.SUCCEEDED)
                .filter(d -> d.firstCommitAt().isPresent())
                .map(d ->
                        Duration.between(d.firstCommitAt().get(), d.finished()).toMillis() / 3_600_000.0)
                .sorted()
                .toList();
        if (hours.isEmpty()) {
            return noData(DoraMetric.LEAD_TIME, target, "no successful deployment with a recorded first-commit time");
        }
        double median = median(hours);
        double limit = targets.leadTime().toMillis() / 3_600_000.0;
        PerformanceBand band = median < HOURS_PER_DAY
                ? PerformanceBand.ELITE
                : median <= 7 * HOURS_PER_DAY
                        ? PerformanceBand.HIGH
                        : median <= 30 * HOURS_PER_DAY ? PerformanceBand.MEDIUM : PerformanceBand.LOW;
        return new DoraFigure(
                DoraMetric.LEAD_TIME,
                Optional.of(median),
                Optional.of(p90(hours)),
                hours.size(),
                target,
                median < limit ? TargetStatus.MET : TargetStatus.MISSED,
                band,
                "median of first commit -> production release completed over " + hours.size() + " releases");
    }

    private static DoraFigure changeFailureRate(
            List<Deployment> inWindow, Map<String, List<Deployment>> streams, DoraTargets targets) {
        String target = "< " + format(targets.changeFailureRate() * 100) + " %";
        if (inWindow.isEmpty()) {
            return noData(DoraMetric.CHANGE_FAILURE_RATE, target, "no deployments in the window");
        }
        long failed = inWindow.stream().filter(d -> failedChange(d, streams)).count();
        double rate = failed * 100.0 / inWindow.size();
        PerformanceBand band = rate <= 5
                ? PerformanceBand.ELITE
                : rate <= 10 ? PerformanceBand.HIGH : rate <= 15 ? PerformanceBand.MEDIUM : PerformanceBand.LOW;
        return new DoraFigure(
                DoraMetric.CHANGE_FAILURE_RATE,
                Optional.of(rate),
                Optional.empty(),
                inWindow.size(),
                target,
                rate < targets.changeFailureRate() * 100 ? TargetStatus.MET : TargetStatus.MISSED,
                band,
                failed + " of " + inWindow.size() + " releases rolled back, failed or followed by a hotfix");
    }

    private static boolean failedChange(Deployment deployment, Map<String, List<Deployment>> streams) {
        if (deployment.outcome() != DeploymentOutcome.SUCCEEDED) {
            return true;
        }
        List<Deployment> stream =
                streams.getOrDefault(deployment.service() + "\u0000" + deployment.environment(), List.of());
        int index = stream.indexOf(deployment);
        return index >= 0 && index + 1 < stream.size() && stream.get(index + 1).hotfix();
    }

    private static DoraFigure timeToRestore(
            Map<String, List<Deployment>> streams, Instant since, Instant until, DoraTargets targets) {
        String target = "< " + human(targets.timeToRestore());
        List<Double> minutes = new ArrayList<>();
        int failures = 0;
        int unrestored = 0;
        for (List<Deployment> stream : streams.values()) {
            Optional<Instant> failingSince = Optional.empty();
            for (Deployment d : stream) {
                if (d.finished().isAfter(until)) {
                    break;
                }
                boolean failure = d.outcome() != DeploymentOutcome.SUCCEEDED;
                if (failure && failingSince.isEmpty() && !d.finished().isBefore(since)) {
                    // An incident starts at the first failure of a streak; later failures extend it.
                    failingSince = Optional.of(d.finished());
                    failures++;
                } else if (!failure && failingSince.isPresent()) {
                    minutes.add(
                            Duration.between(failingSince.get(), d.finished()).toMillis() / 60_000.0);
                    failingSince = Optional.empty();
                }
            }
            if (failingSince.isPresent()) {
                unrestored++;
            }
        }
        if (minutes.isEmpty()) {
            String why = failures == 0
                    ? "no failed or rolled-back deployments in the window"
                    : unrestored + " failure(s) not yet followed by a successful release";
            return noData(DoraMetric.TIME_TO_RESTORE, target, why);
        }
        List<Double> sorted = minutes.stream().sorted().toList();
        double median = median(sorted);
        double limit = targets.timeToRestore().toMillis() / 60_000.0;
        PerformanceBand band = median < 60
                ? PerformanceBand.ELITE
                : median < 24 * 60
                        ? PerformanceBand.HIGH
                        : median <= 7 * 24 * 60 ? PerformanceBand.MEDIUM : PerformanceBand.LOW;
        String source = "median of failure -> next successful release over " + sorted.size() + " incidents"
                + (unrestored > 0 ? " (" + unrestored + " not yet restored)" : "");
        return new DoraFigure(
                DoraMetric.TIME_TO_RESTORE,
                Optional.of(median),
                Optional.empty(),
                sorted.size(),
                target,
                median < limit ? TargetStatus.MET : TargetStatus.MISSED,
                band,
                source);
    }

    private static DoraFigure noData(DoraMetric metric, String target, String why) {
        return new DoraFigure(
                metric,
                Optional.empty(),
                Optional.empty(),
                0,
                target,
                TargetStatus.NO_DATA,
                PerformanceBand.NO_DATA,
                why);
    }

    /** Median of sorted values: the middle one, or the mean of the two middle ones. */
    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** 90th percentile of sorted values by the nearest-rank method. */
    static double p90(List<Double> sorted) {
        int rank = (int) Math.ceil(0.9 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static String human(Duration duration) {
        if (duration.toMinutes() % 60 != 0 || duration.toHours() == 0) {
            return duration.toMinutes() + " min";
        }
        return duration.toHours() + " h";
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9
                ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
