package dev.trainer.domain.risk;

/** Log returns, means and sample standard deviations over array ranges, as the market breakers need them. */
final class SampleStats {

    private SampleStats() {
    }

    /** ln(prices[i] / prices[i - 1]) for i in (from, to): {@code to - from - 1} returns. Prices must be checked positive. */
    static double[] logReturns(double[] prices, int from, int to) {
        double[] r = new double[Math.max(0, to - from - 1)];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.log(prices[from + i + 1] / prices[from + i]);
        }
        return r;
    }

    static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }

    /**
     * Sample standard deviation (n − 1) of x[from, to), two-pass. Exactly 0 when all values are equal: their computed
     * mean can differ from them by rounding, which would otherwise leave a meaningless 1e-18 instead of 0.
     */
    static double sampleSd(double[] x, int from, int to) {
        int n = to - from;
        if (n < 2) {
            throw new IllegalArgumentException("a sample standard deviation needs at least 2 values, got " + n);
        }
        if (allEqual(x, from, to)) {
            return 0;
        }
        double mean = mean(x, from, to);
        double ss = 0;
        for (int i = from; i < to; i++) {
            double d = x[i] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1));
    }

    static boolean allEqual(double[] x, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (x[i] != x[from]) {
                return false;
            }
        }
        return true;
    }
}
