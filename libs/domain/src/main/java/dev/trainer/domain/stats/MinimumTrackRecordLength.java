package dev.trainer.domain.stats;

import dev.trainer.domain.backtest.MetricValue;

/**
 * The minimum track record length (Bailey and López de Prado 2012): how many returns with the same Sharpe ratio,
 * skewness and kurtosis it takes before PSR(SR0) reaches the confidence level,
 * <pre>MinTRL = 1 + (1 − γ3·SR + (γ4 − 1)/4·SR²)·(Φ⁻¹(confidence) / (SR − SR0))²</pre>
 * In observations (periods of the returns, not years); SR and SR0 per period; γ4 raw.
 */
public final class MinimumTrackRecordLength {

    public static final double DEFAULT_CONFIDENCE = 0.95;

    private MinimumTrackRecordLength() {
    }

    /**
     * @param sharpePerPeriod          estimated Sharpe ratio, per period
     * @param benchmarkSharpePerPeriod SR0, per period
     * @param skewness                 γ3 of the returns
     * @param kurtosisRaw              γ4 of the returns, raw (3 for a normal distribution)
     * @param confidence               the PSR to reach, in (0.5, 1), e.g. 0.95 (below one half every track record
     *                                 of 2 or more returns with SR &gt; SR0 already reaches it)
     * @return the number of observations (not rounded); undefined when SR ≤ SR0, because then no track record
     *         however long shows the Sharpe ratio to be above the benchmark
     * @throws IllegalArgumentException for a non-finite input, a confidence outside (0.5, 1) or an impossible γ3/γ4 pair
     */
    public static MetricValue observations(double sharpePerPeriod, double benchmarkSharpePerPeriod, double skewness,
            double kurtosisRaw, double confidence) {
        SharpeEstimateVariance.requireFinite(sharpePerPeriod, "the Sharpe ratio");
        SharpeEstimateVariance.requireFinite(benchmarkSharpePerPeriod, "the benchmark Sharpe ratio");
        SharpeEstimateVariance.requirePossibleShape(skewness, kurtosisRaw);
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("the confidence must lie strictly between 0.5 and 1, was " + confidence);
        }
        if (!(sharpePerPeriod > benchmarkSharpePerPeriod)) {
            return MetricValue.undefined("the Sharpe ratio " + sharpePerPeriod + " is not above the benchmark "
                    + benchmarkSharpePerPeriod + ": no track record length makes it significant");
        }
        double bracket = SharpeEstimateVariance.bracket(sharpePerPeriod, skewness, kurtosisRaw);
        double z = ProbabilisticSharpe.STANDARD_NORMAL.inverseCumulativeProbability(confidence);
        double ratio = z / (sharpePerPeriod - benchmarkSharpePerPeriod);
        return MetricValue.of(1 + bracket * ratio * ratio);
    }

    /** The MinTRL of a return series, with its own per-period Sharpe ratio and moments. */
    public static MetricValue observations(double[] returns, double benchmarkSharpePerPeriod, double confidence) {
        ReturnMoments m = ReturnMoments.of(returns);
        if (!m.isDefined()) {
            return MetricValue.undefined(m.undefinedReason());
        }
        return observations(m.sharpePerPeriod().value(), benchmarkSharpePerPeriod, m.skewness().value(),
                m.kurtosisRaw().value(), confidence);
    }
}
