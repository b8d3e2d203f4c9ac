package dev.trainer.domain.risk;

import dev.trainer.domain.stats.ProbabilisticSharpe;
import java.util.Optional;

/**
 * A small probabilistic regime classifier over the log returns of one close series (design of issue 7, point 7).
 * Trend: t = mean / (sd / sqrt(W)) over the last W returns, P(up) = Φ(t). Volatility: q = ln(s_short / s_long), with
 * s_short the sd of the last W returns and s_long the sd of the L − W returns before them, over the standard error of
 * a log sample standard deviation se = sqrt(1/(2(W−1)) + 1/(2(L−W−1))); P(volatile) = Φ(q / se). The four regimes get
 * the products of the two (independence assumed). All sd are sample standard deviations (n − 1).
 */
public final class RegimeClassifier {

    public static final int DEFAULT_TREND_WINDOW_RETURNS = 60;
    public static final int DEFAULT_VOLATILITY_WINDOW_RETURNS = 600;

    private final int trendWindowReturns;
    private final int volatilityWindowReturns;
    private final double logSdStandardError;

    /**
     * @param trendWindowReturns      W, the returns of the trend and of the short volatility (>= 2)
     * @param volatilityWindowReturns L, all returns used; the long volatility uses the L − W before the last W
     *                                (> W + 2, so the long sd has at least 3 returns)
     */
    public RegimeClassifier(int trendWindowReturns, int volatilityWindowReturns) {
        if (trendWindowReturns < 2) {
            throw new IllegalArgumentException("the trend window must be >= 2 returns, got " + trendWindowReturns);
        }
        if (volatilityWindowReturns <= trendWindowReturns + 2) {
            throw new IllegalArgumentException("the volatility window must be > trend window + 2 = "
                    + (trendWindowReturns + 2) + " returns, got " + volatilityWindowReturns);
        }
        this.trendWindowReturns = trendWindowReturns;
        this.volatilityWindowReturns = volatilityWindowReturns;
        int w = trendWindowReturns;
        int longCount = volatilityWindowReturns - trendWindowReturns;
        this.logSdStandardError = Math.sqrt(1.0 / (2.0 * (w - 1)) + 1.0 / (2.0 * (longCount - 1)));
    }

    /** W = 60, L = 600. */
    public static RegimeClassifier defaults() {
        return new RegimeClassifier(DEFAULT_TREND_WINDOW_RETURNS, DEFAULT_VOLATILITY_WINDOW_RETURNS);
    }

    public int trendWindowReturns() {
        return trendWindowReturns;
    }

    public int volatilityWindowReturns() {
        return volatilityWindowReturns;
    }

    /** L + 1 closes, for L returns. */
    public int closesNeeded() {
        return volatilityWindowReturns + 1;
    }

    /**
     * Uses the last closesNeeded() closes (oldest first); fewer -> Optional.empty(), and so does a long window whose
     * returns are all equal (s_long 0: no volatility to compare with). Non-positive prices -> IllegalArgumentException.
     */
    public Optional<RegimeProbabilities> classify(double[] closes) {
        Checks.positivePrices(closes, "closes");
        if (closes.length < closesNeeded()) {
            return Optional.empty();
        }
        double[] r = SampleStats.logReturns(closes, closes.length - closesNeeded(), closes.length);
        int recentFrom = r.length - trendWindowReturns;
        double longSd = SampleStats.sampleSd(r, 0, recentFrom);
        if (longSd == 0) {
            return Optional.empty();
        }
        double mean = SampleStats.mean(r, recentFrom, r.length);
        double shortSd = SampleStats.sampleSd(r, recentFrom, r.length);
        double t;
        if (shortSd == 0) {
            // a flawless trend: certain direction, or none at all when the price did not move
            t = mean > 0 ? Double.POSITIVE_INFINITY : mean < 0 ? Double.NEGATIVE_INFINITY : 0;
        } else {
            t = mean / (shortSd / Math.sqrt(trendWindowReturns));
        }
        double q = Math.log(shortSd / longSd); // -inf when shortSd is 0: certainly calm
        return Optional.of(RegimeProbabilities.of(phi(t), phi(q / logSdStandardError)));
    }

    /** Φ, the standard normal cumulative distribution function; Φ(±∞) = 1 / 0. */
    public static double phi(double z) {
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("Φ of NaN");
        }
        return ProbabilisticSharpe.STANDARD_NORMAL.cumulativeProbability(z);
    }
}
