package dev.trainer.domain.lifecycle;

/**
 * What the lifecycle rules look at. Nullable inputs are optional measurements.
 *
 * @param netProfitFraction net profit / starting equity
 * @param sharpe            annualised Sharpe ratio (NaN if undefined)
 * @param sampleSize        number of trades
 * @param fillRate          fraction of intended orders that filled, null = not measured (treated as 1.0 like the
 *                          plan)
 * @param adverseSelection  adverse selection score in [0, 1], null = not measured (treated as 0 like the plan)
 * @param significance      the statistics the significance gate judges; null = none computed
 */
public record LifecycleInputs(double netProfitFraction, double sharpe, int sampleSize, Double fillRate,
        Double adverseSelection, SignificanceEvidence significance) {

    public LifecycleInputs {
        significance = significance == null ? SignificanceEvidence.notComputed() : significance;
    }

    /** Only the three measurements every backtest has. */
    public static LifecycleInputs basic(double netProfitFraction, double sharpe, int sampleSize) {
        return new LifecycleInputs(netProfitFraction, sharpe, sampleSize, null, null, null);
    }
}
