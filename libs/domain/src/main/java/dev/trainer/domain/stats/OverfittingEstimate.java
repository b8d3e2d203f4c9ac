package dev.trainer.domain.stats;

import dev.trainer.domain.backtest.MetricValue;

/**
 * The probability of backtest overfitting of one set of trials, with the distribution of the logits it counts.
 *
 * @param probability           PBO: the share of in-sample/out-of-sample splits whose in-sample best trial ranks
 *                              in the bottom half out of sample (logit ≤ 0); undefined with the reason
 * @param logitMean             mean of the logits λ = ln(ω̄ / (1 − ω̄)); positive means the in-sample best tends to
 *                              stay above the median out of sample
 * @param logitCount            number of splits, C(S, S/2) (0 when undefined)
 * @param trials                N, the columns
 * @param periods               T, the rows given
 * @param periodsDroppedAtStart the oldest T mod S rows, left out so that the S blocks are equally long
 * @param partitions            S
 * @param metric                what the trials were ranked by
 */
public record OverfittingEstimate(MetricValue probability, MetricValue logitMean, int logitCount, int trials, int periods,
        int periodsDroppedAtStart, int partitions, CscvMetric metric) {

    static OverfittingEstimate undefined(String reason, int trials, int periods, int partitions, CscvMetric metric) {
        return new OverfittingEstimate(MetricValue.undefined(reason), MetricValue.undefined(reason), 0, trials, periods, 0,
                partitions, metric);
    }

    /** The rows the blocks were cut from. */
    public int periodsUsed() {
        return periods - periodsDroppedAtStart;
    }
}
