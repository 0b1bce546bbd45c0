package io.releasepilot.core.gate.junit;

/**
 * Test counts taken from the test cases themselves (suite attributes are often wrong or missing).
 *
 * @param total test cases
 * @param failures cases that failed an assertion (and did not pass on a rerun)
 * @param errors cases that errored (and did not pass on a rerun)
 * @param skipped skipped or disabled cases
 * @param flaky cases that failed first and passed on a rerun (counted as passed)
 */
public record JunitTotals(long total, long failures, long errors, long skipped, long flaky) {

    public static final JunitTotals NONE = new JunitTotals(0, 0, 0, 0, 0);

    public JunitTotals {
        if (total < 0 || failures < 0 || errors < 0 || skipped < 0 || flaky < 0) {
            throw new IllegalArgumentException("test counts must not be negative");
        }
        if (failures + errors + skipped > total) {
            throw new IllegalArgumentException("more failed or skipped cases than cases");
        }
    }

    /** Cases that passed, including flaky ones. */
    public long passed() {
        return total - failures - errors - skipped;
    }

    public JunitTotals plus(JunitTotals other) {
        return new JunitTotals(
                total + other.total,
                failures + other.failures,
                errors + other.errors,
                skipped + other.skipped,
                flaky + other.flaky);
    }
}
