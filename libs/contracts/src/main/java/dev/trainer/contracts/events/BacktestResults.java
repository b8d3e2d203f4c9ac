package dev.trainer.contracts.events;

import dev.trainer.contracts.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer to one {@link BacktestRequest}: one result per trial, in the request's order. Topic
 * {@code backtest.results}, key {@code jobId}.
 *
 * @param requestEventId the request this answers
 * @param workerId       which worker ran it
 * @param elapsedMs      wall time of the batch in milliseconds
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
        List<TrialResult> results) implements Event {

    public static final int SCHEMA_VERSION = 1;

    /**
     * @param score        the objective's value, or null when undefined or below the minimum number of trades
     * @param metrics      snake_case metric names with their units (see docs/BACKTESTING.md); an undefined
     *                     metric is null with a {@code <name>_undefined_reason} beside it
     * @param dailyReturns the strategy's return per UTC day as fractions, flat days included
     * @param tradeReturns each closed trade's return as a fraction of equity at entry
     * @param error        why the trial could not be run, or null
     */
    public record TrialResult(int trialNumber, Map<String, Double> parameters, @Nullable Double score,
            @Nullable Map<String, Object> metrics,
            @Nullable double[] dailyReturns, @Nullable double[] tradeReturns, @Nullable String error) {
    }
}
