package dev.trainer.domain.walkforward;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the span of a series into validation windows: the plan's train/test split, or rolling walk-forward
 * windows that advance by the test period, so test slices never overlap and each window's parameters are chosen on
 * data that ends before its test slice begins. As in the plan's example ("Train [Month 1-3], Gap [Week of Month 4],
 * Test [Month 4]"), the gap is the first part of the test period: the test slice is the test period less the gap.
 * That is how 12 months with 90 / 7 / 30 days give the plan's 9 windows.
 */
public final class ValidationWindows {

    private static final long DAY_MS = 86_400_000L;

    private ValidationWindows() {
    }

    /**
     * One window: the first {@code trainRatio} of [fromMs, untilMs) to train on, the rest to test.
     */
    public static List<ValidationWindow> trainTestSplit(long fromMs, long untilMs, double trainRatio) {
        if (!(trainRatio > 0 && trainRatio < 1)) {
            throw new IllegalArgumentException("train ratio must be a fraction strictly between 0 and 1, got " + trainRatio);
        }
        if (untilMs <= fromMs) {
            throw new IllegalArgumentException("the data spans no time: from " + fromMs + " until " + untilMs);
        }
        long split = fromMs + (long) Math.floor((untilMs - fromMs) * trainRatio);
        return List.of(new ValidationWindow(0, fromMs, split, split, untilMs));
    }

    /**
     * Rolling windows over [fromMs, untilMs): window k trains on [from + k*test, +train), then skips {@code gapDays} and
     * tests on the rest of the following {@code testDays}. Data too short for even one window fails with a message
     * that says what would fit.
     */
    public static List<ValidationWindow> walkForward(long fromMs, long untilMs, int trainDays, int gapDays, int testDays) {
        if (trainDays <= 0 || testDays <= 0 || gapDays < 0 || gapDays >= testDays) {
            throw new IllegalArgumentException("walk-forward needs train and test periods of at least one day and a gap of zero"
                    + " or more days shorter than the test period; got train " + trainDays + ", gap " + gapDays + ", test "
                    + testDays);
        }
        long train = trainDays * DAY_MS;
        long gap = gapDays * DAY_MS;
        long test = testDays * DAY_MS;
        List<ValidationWindow> windows = new ArrayList<>();
        for (long start = fromMs; start + train + test <= untilMs; start += test) {
            windows.add(new ValidationWindow(windows.size(), start, start + train, start + train + gap, start + train + test));
        }
        if (windows.isEmpty()) {
            double spanDays = (untilMs - fromMs) / (double) DAY_MS;
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the data spans %.1f days, too short for one walk-forward window of %d train + %d test days (gap %d);"
                            + " what would fit: periods adding up to at most %.1f days (for example train %d, gap %d, test %d),"
                            + " or the train_test_split method",
                    spanDays, trainDays, testDays, gapDays, spanDays, Math.max(1, (int) (spanDays * 0.6)),
                    (int) (spanDays * 0.05), Math.max(1, (int) (spanDays * 0.3))));
        }
        return windows;
    }
}
