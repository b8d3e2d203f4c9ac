package dev.trainer.contracts.events;

import dev.trainer.contracts.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer to one {@link BacktestRequest}, for its trials numbered {@code firstTrial} on. Topic
 * {@code backtest.results}, key {@code jobId}.
 *
 * <p>Schema version 2 is columnar: the scores as one column and a few summary metrics as one column each, so a batch
 * of thousands of trials stays well below Kafka's 1 MB record limit. Full metrics and per-period returns come only
 * when the request was {@code detailed} (out-of-sample tests, replays), in {@link #details()}.
 *
 * @param requestEventId the request this answers
 * @param workerId       which worker ran it
 * @param elapsedMs      wall time of the batch in milliseconds
 * @param trialCount     trials answered, as in the request
 * @param scores         the objective's value per trial; NaN when undefined, below the minimum number of trades, or
 *                       when the trial failed
 * @param metricNames    snake_case names of the summary metrics (see docs/BACKTESTING.md), in column order
 * @param metricValues   per summary metric (same order) its value for every trial; NaN when undefined or failed
 * @param errors         the trials that could not be run, with why (usually empty)
 * @param details        per trial its full metrics and returns, when the request was detailed; null otherwise
 */
public record BacktestResults(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String requestEventId,
        String jobId,
        String batchId,
        SeriesRef market,
        int windowIndex,
        String purpose,
        String workerId,
        long elapsedMs,
        int firstTrial,
        int trialCount,
        double[] scores,
        List<String> metricNames,
        List<double[]> metricValues,
        List<TrialError> errors,
        @Nullable List<TrialDetail> details) implements Event {

    public static final int SCHEMA_VERSION = 2;

    /** A trial that could not be run. */
    public record TrialError(int trialNumber, String error) {
    }

    /**
     * @param metrics      snake_case metric names with their units (see docs/BACKTESTING.md); an undefined
     *                     metric is null with a {@code <name>_undefined_reason} beside it
     * @param dailyReturns the strategy's return per UTC day as fractions, flat days included
     * @param tradeReturns each closed trade's return as a fraction of equity at entry
     */
    public record TrialDetail(int trialNumber, Map<String, Object> metrics, double[] dailyReturns, double[] tradeReturns) {
    }
}
