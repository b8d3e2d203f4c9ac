package dev.trainer.domain.stats;

import dev.trainer.domain.backtest.MetricValue;

/**
 * Per-period Sharpe ratio, skewness and raw kurtosis of one return series (fractions per period, e.g. per day or per
 * trade), the inputs of the probabilistic and deflated Sharpe ratios and of the minimum track record length.
 *
 * <p>Estimators: the Sharpe ratio is {@code mean / s} with the sample standard deviation {@code s} (n − 1), as every
 * other Sharpe ratio in this project ({@code Metrics.sharpePerBar}); skewness and kurtosis are the population moment
 * ratios {@code m3 / m2^1.5} and {@code m4 / m2^2} with central moments {@code m_k = (1/n) Σ (r − mean)^k}, as in
 * Bailey and López de Prado's papers (and R PerformanceAnalytics' {@code method = "moment"}). Kurtosis is raw: 3 for a
 * normal distribution, not excess. No small-sample bias correction is applied to either moment.
 */
public final class ReturnMoments {

    private final int count;
    private final double mean;
    private final double sampleStandardDeviation;
    private final double skewness;
    private final double kurtosisRaw;
    private final String undefinedReason;

    private ReturnMoments(int count, double mean, double sampleStandardDeviation, double skewness, double kurtosisRaw,
            String undefinedReason) {
        this.count = count;
        this.mean = mean;
        this.sampleStandardDeviation = sampleStandardDeviation;
        this.skewness = skewness;
        this.kurtosisRaw = kurtosisRaw;
        this.undefinedReason = undefinedReason;
    }

    public static ReturnMoments of(double[] returns) {
        if (returns == null || returns.length == 0) {
            return undefined(0, Double.NaN, "no returns");
        }
        double sum = 0;
        for (double r : returns) {
            if (!Double.isFinite(r)) {
                return undefined(returns.length, Double.NaN, "returns contain a non-finite value (" + r + ")");
            }
            sum += r;
        }
        int n = returns.length;
        double mean = sum / n;
        if (n < 2) {
            return undefined(n, mean, "fewer than 2 returns (" + n + ")");
        }
        // two passes: central moments from the deviations, so a large mean does not cancel away the variance
        double m2 = 0, m3 = 0, m4 = 0;
        for (double r : returns) {
            double d = r - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        // the same threshold as TrialStatistics: a standard deviation of 1e-15 is rounding noise, not risk
        if (!(m2 > 1e-30 * Math.max(1, mean * mean))) {
            return undefined(n, mean, "zero variance (all returns equal)");
        }
        double sampleSd = Math.sqrt(m2 * n / (n - 1));
        return new ReturnMoments(n, mean, sampleSd, m3 / Math.pow(m2, 1.5), m4 / (m2 * m2), null);
    }

    private static ReturnMoments undefined(int count, double mean, String reason) {
        return new ReturnMoments(count, mean, Double.NaN, Double.NaN, Double.NaN, reason);
    }

    /** Number of returns, the {@code T} of the formulas. */
    public int count() {
        return count;
    }

    public boolean isDefined() {
        return undefinedReason == null;
    }

    /** Why the Sharpe ratio and the moments are undefined; null when they are defined. */
    public String undefinedReason() {
        return undefinedReason;
    }

    public MetricValue mean() {
        return Double.isFinite(mean) ? MetricValue.of(mean) : MetricValue.undefined(undefinedReason);
    }

    /** {@code mean / sample standard deviation}, per period, not annualised. */
    public MetricValue sharpePerPeriod() {
        return isDefined() ? MetricValue.of(mean / sampleStandardDeviation) : MetricValue.undefined(undefinedReason);
    }

    /** Population skewness {@code m3 / m2^1.5}. */
    public MetricValue skewness() {
        return isDefined() ? MetricValue.of(skewness) : MetricValue.undefined(undefinedReason);
    }

    /** Population raw kurtosis {@code m4 / m2^2} (3 for a normal distribution). */
    public MetricValue kurtosisRaw() {
        return isDefined() ? MetricValue.of(kurtosisRaw) : MetricValue.undefined(undefinedReason);
    }
}
