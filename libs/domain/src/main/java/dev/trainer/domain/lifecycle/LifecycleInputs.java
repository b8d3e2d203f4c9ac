package dev.trainer.domain.lifecycle;

/**
 * What the lifecycle rules look at. Nullable inputs are optional measurements.
 *
 * @param netProfitFraction        net profit / starting equity
 * @param sharpe                   annualised Sharpe ratio (NaN if undefined)
 * @param sampleSize               number of trades
 * @param fillRate                 fraction of intended orders that filled, null = not measured (treated as 1.0
 *                                 like the plan)
 * @param adverseSelection         adverse selection score in [0, 1], null = not measured (treated as 0 like the
 *                                 plan)
 * @param deflatedSharpe           deflated Sharpe ratio (probability, [0, 1]) if computed
 * @param probabilityOfOverfitting probability of backtest overfitting ([0, 1]) if computed
 * @param pValue                   one-sided p-value of mean return &gt; 0 if computed
 */
public record LifecycleInputs(double netProfitFraction, double sharpe, int sampleSize, Double fillRate,
        Double adverseSelection, Double deflatedSharpe, Double probabilityOfOverfitting, Double pValue) {

    /** Only the three measurements every backtest has. */
    public static LifecycleInputs basic(double netProfitFraction, double sharpe, int sampleSize) {
        return new LifecycleInputs(netProfitFraction, sharpe, sampleSize, null, null, null, null, null);
    }
}
