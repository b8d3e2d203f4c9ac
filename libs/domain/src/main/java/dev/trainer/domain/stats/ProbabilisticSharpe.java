package dev.trainer.domain.stats;

import dev.trainer.domain.backtest.MetricValue;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The probabilistic Sharpe ratio (Bailey and López de Prado 2012, "The Sharpe ratio efficient frontier"): the
 * probability that the true Sharpe ratio exceeds a benchmark, given an estimate from {@code T} IID returns with
 * skewness γ3 and raw kurtosis γ4:
 * <pre>PSR(SR0) = Φ( (SR − SR0)·sqrt(T − 1) / sqrt(1 − γ3·SR + (γ4 − 1)/4·SR²) )</pre>
 * Every Sharpe ratio here is per period (per day for daily returns), never annualised: an annualised SR with a count
 * of daily observations overstates the evidence by a factor sqrt(periods per year).
 */
public final class ProbabilisticSharpe {

    public static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private ProbabilisticSharpe() {
    }

    /**
     * @param sharpePerPeriod          estimated Sharpe ratio, per period
     * @param benchmarkSharpePerPeriod SR0, per period (0: "is there any skill at all")
     * @param observations             T, the number of returns the estimate came from (at least 2)
     * @param skewness                 γ3 of the returns
     * @param kurtosisRaw              γ4 of the returns, raw (3 for a normal distribution)
     * @return the probability in [0, 1]; undefined only when the bracket under the square root is 0, which needs
     *         γ4 = 1 + γ3² and γ3·SR = 2 exactly
     * @throws IllegalArgumentException for a non-finite input, fewer than 2 observations or an impossible γ3/γ4 pair
     */
    public static MetricValue probability(double sharpePerPeriod, double benchmarkSharpePerPeriod, long observations,
            double skewness, double kurtosisRaw) {
        SharpeEstimateVariance.requireFinite(sharpePerPeriod, "the Sharpe ratio");
        SharpeEstimateVariance.requireFinite(benchmarkSharpePerPeriod, "the benchmark Sharpe ratio");
        SharpeEstimateVariance.requireObservations(observations);
        SharpeEstimateVariance.requirePossibleShape(skewness, kurtosisRaw);
        double bracket = SharpeEstimateVariance.bracket(sharpePerPeriod, skewness, kurtosisRaw);
        if (!(bracket > 0)) {
            return MetricValue.undefined("the estimated Sharpe ratio has no sampling variance (1 − skewness·SR"
                    + " + (kurtosis − 1)/4·SR² = " + bracket + ")");
        }
        double z = (sharpePerPeriod - benchmarkSharpePerPeriod) * Math.sqrt(observations - 1.0) / Math.sqrt(bracket);
        return MetricValue.of(STANDARD_NORMAL.cumulativeProbability(z));
    }

    /** The PSR of a return series, with its own per-period Sharpe ratio, count and moments ({@link ReturnMoments}). */
    public static MetricValue probability(double[] returns, double benchmarkSharpePerPeriod) {
        ReturnMoments m = ReturnMoments.of(returns);
        if (!m.isDefined()) {
            return MetricValue.undefined(m.undefinedReason());
        }
        return probability(m.sharpePerPeriod().value(), benchmarkSharpePerPeriod, m.count(), m.skewness().value(),
                m.kurtosisRaw().value());
    }
}
