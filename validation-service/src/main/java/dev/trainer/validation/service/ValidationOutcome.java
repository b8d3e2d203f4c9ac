package dev.trainer.validation.service;

import java.util.List;
import java.util.Map;

/**
 * What validation concluded about one configuration.
 *
 * @param inSampleMetrics    mean over the windows of the train-slice metrics
 * @param outOfSampleMetrics the test windows as one record (see {@link WalkForwardAggregates})
 * @param statistics         p_value, z_score, stability_score, walk_forward_efficiency_ratio, overfit, ...
 * @param stage              PAPER, DISCOVERY, VALIDATION or MATURE
 * @param reasons            why, in words
 * @param outOfSampleDayStartsMs  the day (00:00 UTC, epoch ms) of each out-of-sample daily return
 * @param outOfSampleDailyReturns the test windows' daily returns, concatenated in window order
 */
public record ValidationOutcome(Map<String, Object> inSampleMetrics, Map<String, Object> outOfSampleMetrics,
        Map<String, Object> statistics, String stage, List<String> reasons, long[] outOfSampleDayStartsMs,
        double[] outOfSampleDailyReturns) {
}
