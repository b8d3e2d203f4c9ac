package dev.trainer.contracts.events;

import dev.trainer.contracts.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The optimiser's outcome for one market of one job: per validation window, the best parameters found on the
 * train slice and their backtest on the test slice. Topic {@code optimization.results}, key {@code jobId}.
 *
 * @param trialsEvaluated       every trial run on train slices for this market (for the multiple-testing discount)
 * @param trialSharpeVariance   variance of the trials' per-period Sharpe ratios, or null if undefined
 * @param overfitting           the probability of backtest overfitting over the final window's trials
 */
public record OptimizationCompleted(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String jobId,
        String userId,
        SeriesRef market,
        String strategy,
        String method,
        String objective,
        long seed,
        String dataFingerprint,
        double qualityScore,
        String validationMethod,
        int trialsEvaluated,
        Double trialSharpeVariance,
        Overfitting overfitting,
        Map<String, Double> finalParameters,
        List<Window> windows) implements Event {

    public static final int SCHEMA_VERSION = 1;

    /**
     * The probability of backtest overfitting by combinatorially symmetric cross-validation over the daily returns of
     * the trials of the final window's search (the window whose parameters are traded).
     *
     * @param probability     a fraction, or null when it cannot be computed ({@code undefinedReason} says why)
     * @param partitions      S, the number of blocks of days
     * @param trials          N, the trials (columns)
     * @param periods         T, the days (rows)
     */
    public record Overfitting(@Nullable Double probability, @Nullable String undefinedReason, int partitions, int trials,
            int periods) {
    }

    /** A validation window: its best trial on the train slice (in sample) and that trial on the test slice. */
    public record Window(int windowIndex, Instant trainFrom, Instant trainUntil, Instant testFrom, Instant testUntil,
            Map<String, Double> bestParameters, double bestScore, Map<String, Object> inSampleMetrics,
            double[] inSampleDailyReturns, Map<String, Object> outOfSampleMetrics, double[] outOfSampleDailyReturns,
            double[] outOfSampleTradeReturns) {
    }
}
