package dev.trainer.domain.quality;

/**
 * Spikes: closes whose log return is extreme against the recent returns, by a robust z-score
 * {@code z = 0.6745 (x - median) / MAD} over a trailing window, so that a check run live would decide the same.
 *
 * <p>Choices (docs/DATA_QUALITY.md has the reasons and the measurements):
 * <ul>
 * <li>The window holds the {@code windowReturns} most recent <b>non-zero</b> close-to-close log returns before the
 * candle. On thin data more than half the returns of a stretch can be 0 (no trade moved the price); the MAD then
 * collapses to a fraction of a tick and ordinary moves score in the hundreds. Unchanged closes are the stale-runs
 * check's business, not a measure of how far prices move.</li>
 * <li>A candle is judged once the window is full; earlier candles are not judged.</li>
 * <li>The candle flagged is the one whose close makes the extreme return. The return into the candle after a
 * flagged one is measured from the close before the flagged one, so a one-candle spike that comes back is one
 * spike, not two; a jump to a new level that stays flags the jump and the candle after it.</li>
 * <li>MAD = 0 (more than half the window identical): the scale falls back to 1.253314 x the mean absolute
 * deviation from the median (Iglewicz and Hoaglin's modified z-score); when that is 0 too, every return of the
 * window is the same, there is no scale, and nothing is flagged.</li>
 * </ul>
 */
final class ReturnSpikes {

    /** 0.6745 = the 0.75 quantile of the standard normal: MAD / 0.6745 estimates the standard deviation. */
    static final double MAD_CONSISTENCY = 0.6745;
    /** sqrt(pi / 2): 1.253314 x the mean absolute deviation estimates the standard deviation. */
    static final double MEAN_AD_CONSISTENCY = 1.253314;

    private ReturnSpikes() {
    }

    /**
     * @param close         closes in time order, all finite and positive
     * @param windowReturns how many non-zero returns a candle is judged against
     * @param thresholdZ    flagged when |z| >= thresholdZ
     */
    static boolean[] find(double[] close, int windowReturns, double thresholdZ) {
        int n = close.length;
        boolean[] spike = new boolean[n];
        if (n < 2) {
            return spike;
        }
        double[] step = new double[n];
        for (int i = 1; i < n; i++) {
            step[i] = Math.log(close[i] / close[i - 1]);
        }
        RollingRobustStats window = new RollingRobustStats(nonZero(step), windowReturns);
        for (int i = 1; i < n; i++) {
            if (window.isFull()) {
                int from = spike[i - 1] && i >= 2 ? i - 2 : i - 1;
                double x = from == i - 1 ? step[i] : Math.log(close[i] / close[from]);
                spike[i] = Math.abs(robustZ(window, x)) >= thresholdZ;
            }
            if (step[i] != 0) {
                window.push(step[i]);
            }
        }
        return spike;
    }

    /** The robust z-score of x against the window, or NaN (never a spike) when the window has no spread at all. */
    static double robustZ(RollingRobustStats window, double x) {
        double median = window.median();
        double mad = window.mad(median);
        if (mad > 0) {
            return MAD_CONSISTENCY * (x - median) / mad;
        }
        double meanAd = window.meanAbsoluteDeviation(median);
        return meanAd > 0 ? (x - median) / (MEAN_AD_CONSISTENCY * meanAd) : Double.NaN;
    }

    private static double[] nonZero(double[] step) {
        int count = 0;
        for (int i = 1; i < step.length; i++) {
            count += step[i] != 0 ? 1 : 0;
        }
        double[] out = new double[count];
        int j = 0;
        for (int i = 1; i < step.length; i++) {
            if (step[i] != 0) {
                out[j++] = step[i];
            }
        }
        return out;
    }
}
