package dev.trainer.domain.lifecycle;

/**
 * Optional statistical hurdles on top of the plan's rules. A null threshold is not checked. When a threshold is
 * set but the matching input is missing, the gate fails: an unmeasured significance is not a pass.
 *
 * @param minDeflatedSharpe           minimum deflated Sharpe ratio (e.g. 0.95)
 * @param maxProbabilityOfOverfitting maximum probability of backtest overfitting (e.g. 0.5)
 * @param maxPValue                   maximum one-sided p-value (e.g. 0.05)
 */
public record SignificanceGate(Double minDeflatedSharpe, Double maxProbabilityOfOverfitting, Double maxPValue) {

    public static SignificanceGate none() {
        return new SignificanceGate(null, null, null);
    }
}
