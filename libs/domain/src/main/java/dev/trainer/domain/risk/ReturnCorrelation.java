package dev.trainer.domain.risk;

/**
 * max_correlation_spike: the Pearson correlation of two configurations' daily returns over the most recent days both
 * have; trips at or above the limit.
 */
public final class ReturnCorrelation {

    private static final long DAY_MS = 86_400_000L;

    private ReturnCorrelation() {
    }

    /**
     * Pearson correlation over the last windowDays days present in both streams (days are 00:00 UTC epoch ms, each
     * array strictly ascending and the same length as its returns); NaN with fewer than minCommonDays common days or
     * zero variance. A day missing from either stream is skipped, not filled with 0: a configuration that did not
     * trade that day says nothing about how it moves with the other.
     *
     * @param windowDays    how many of the most recent common days to use (>= 2)
     * @param minCommonDays common days needed (2..windowDays)
     */
    public static double rolling(long[] daysA, double[] returnsA, long[] daysB, double[] returnsB, int windowDays,
            int minCommonDays) {
        requireStream(daysA, returnsA, "A");
        requireStream(daysB, returnsB, "B");
        if (windowDays < 2) {
            throw new IllegalArgumentException("the correlation window must be >= 2 days, got " + windowDays);
        }
        if (minCommonDays < 2 || minCommonDays > windowDays) {
            throw new IllegalArgumentException("the minimum number of common days must be in [2, " + windowDays
                    + "] (the window), got " + minCommonDays);
        }
        // walk both streams backwards from their newest day, collecting common days until the window is full
        double[] x = new double[windowDays];
        double[] y = new double[windowDays];
        int n = 0;
        int i = daysA.length - 1;
        int j = daysB.length - 1;
        while (i >= 0 && j >= 0 && n < windowDays) {
            if (daysA[i] == daysB[j]) {
                x[n] = returnsA[i--];
                y[n] = returnsB[j--];
                n++;
            } else if (daysA[i] > daysB[j]) {
                i--;
            } else {
                j--;
            }
        }
        if (n < minCommonDays) {
            return Double.NaN;
        }
        return pearson(x, y, n);
    }

    /** NaN -> undefined; a correlation at or above maxCorrelation trips. */
    public static Measurement measure(double correlation, double maxCorrelation) {
        requireValidThreshold(maxCorrelation);
        if (Double.isNaN(correlation)) {
            return Measurement.undefined(maxCorrelation, "the correlation of daily returns is undefined (too few"
                    + " common days or a stream without variance)");
        }
        if (correlation < -1 || correlation > 1) {
            throw new IllegalArgumentException("a correlation must be in [-1, 1] or NaN, got " + correlation);
        }
        String[] shown = Checks.formatPair(correlation, maxCorrelation, 2);
        return new Measurement(correlation, maxCorrelation, correlation >= maxCorrelation,
                "correlation of daily returns is " + shown[0] + " (Pearson, -1..1); limit " + shown[1]);
    }

    /** The limit must be a correlation in [-1, 1]. */
    public static void requireValidThreshold(double maxCorrelation) {
        Checks.finite(maxCorrelation, "max correlation");
        if (maxCorrelation < -1 || maxCorrelation > 1) {
            throw new IllegalArgumentException("the max correlation must be in [-1, 1], got " + maxCorrelation);
        }
    }

    private static double pearson(double[] x, double[] y, int n) {
        if (SampleStats.allEqual(x, 0, n) || SampleStats.allEqual(y, 0, n)) {
            return Double.NaN;
        }
        double mx = SampleStats.mean(x, 0, n);
        double my = SampleStats.mean(y, 0, n);
        double sxy = 0, sxx = 0, syy = 0;
        for (int k = 0; k < n; k++) {
            double dx = x[k] - mx;
            double dy = y[k] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        double r = sxy / Math.sqrt(sxx * syy);
        // rounding can leave |r| a hair above 1 for perfectly (anti-)correlated streams
        return Math.max(-1, Math.min(1, r));
    }

    private static void requireStream(long[] days, double[] returns, String name) {
        if (days == null || returns == null) {
            throw new IllegalArgumentException("stream " + name + ": days and returns must not be null");
        }
        if (days.length != returns.length) {
            throw new IllegalArgumentException("stream " + name + ": " + days.length + " days but " + returns.length
                    + " returns");
        }
        for (int k = 0; k < days.length; k++) {
            if (Math.floorMod(days[k], DAY_MS) != 0) {
                throw new IllegalArgumentException("stream " + name + ": day " + days[k] + " ms is not 00:00 UTC");
            }
            if (k > 0 && days[k] <= days[k - 1]) {
                throw new IllegalArgumentException("stream " + name + ": days must be strictly ascending, day " + k
                        + " (" + days[k] + " ms) is not after " + days[k - 1] + " ms");
            }
            Checks.finite(returns[k], "stream " + name + " daily return " + k);
        }
    }
}
