package dev.trainer.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The optimiser's outcome for one market of one job: per validation window, the best parameters found on the
 * train slice and their backtest on the test slice. Topic {@code optimization.results}, key {@code jobId}.
 *
 * @param trialsEvaluated       every trial run on train slices for this market (for the multiple-testing discount)
 * @param trialSharpeVariance   variance of the trials' per-period Sharpe ratios, or null if undefined
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
        Map<String, Double> finalParameters,
        List<Window> windows) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public record Window(int windowIndex, Instant trainFrom, Instant trainUntil, Instant testFrom, Instant testUntil,
            Map<String, Double> bestParameters, double bestScore, Map<String, Object> inSampleMetrics,
            Map<String, Object> outOfSampleMetrics, double[] outOfSampleDailyReturns,
            double[] outOfSampleTradeReturns) {
    }
}
