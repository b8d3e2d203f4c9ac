package dev.trainer.domain.risk;

/**
 * unusual_market_threshold: the size of one candle's close-to-close log return in standard deviations of the log
 * returns before it; trips at or above the threshold.
 */
public final class UnusualMove {

    /** Trailing returns needed before sigma is trusted. */
    public static final int MIN_RETURNS = 20;
    /** At most this many trailing closes (so 99 returns) make sigma; older ones are ignored. */
    public static final int TRAILING_CLOSES = 100;

    private UnusualMove() {
    }

    /** The limit must be > 0 sigma. */
    public static void requireValidThreshold(double thresholdSigma) {
        Checks.positive(thresholdSigma, "unusual move threshold (sigma)");
    }

    /**
     * trailingCloses: the closes before the candle, oldest first (only the last {@link #TRAILING_CLOSES} are used);
     * sigma = sample sd of their log returns; move = |ln(close / last trailing close)| / sigma; &gt;= thresholdSigma
     * trips. Fewer than MIN_RETURNS returns or sigma 0 -> undefined. Non-positive prices -> IllegalArgumentException.
     */
    public static Measurement measure(double[] trailingCloses, double close, double thresholdSigma) {
        Checks.positivePrices(trailingCloses, "trailing closes");
        Checks.positive(close, "close");
        requireValidThreshold(thresholdSigma);
        int from = Math.max(0, trailingCloses.length - TRAILING_CLOSES);
        double[] returns = SampleStats.logReturns(trailingCloses, from, trailingCloses.length);
        if (returns.length < MIN_RETURNS) {
            return Measurement.undefined(thresholdSigma, "only " + returns.length + " trailing returns; at least "
                    + MIN_RETURNS + " needed for sigma");
        }
        double sigma = SampleStats.sampleSd(returns, 0, returns.length);
        if (sigma == 0) {
            return Measurement.undefined(thresholdSigma, "the last " + returns.length
                    + " trailing returns are all equal (sigma 0)");
        }
        double logReturn = Math.log(close / trailingCloses[trailingCloses.length - 1]);
        double move = Math.abs(logReturn) / sigma;
        String[] shown = Checks.formatPair(move, thresholdSigma, 2);
        return new Measurement(move, thresholdSigma, move >= thresholdSigma, "log return " + Checks.format(logReturn, 6)
                + " is " + shown[0] + " sigma (sigma " + Checks.format(sigma, 6) + " from " + returns.length
                + " trailing returns); limit " + shown[1] + " sigma");
    }
}
