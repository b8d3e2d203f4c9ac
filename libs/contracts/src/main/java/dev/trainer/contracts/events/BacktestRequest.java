package dev.trainer.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * A batch of parameter sets to backtest on one slice of one cleaned series. Topic
 * {@code backtest.requests}, key {@code jobId|batchId}; consumed by the optimizer's
 * backtest workers as one consumer group.
 *
 * <p>Schema version 2 is columnar: the parameter names once, then per parameter a column of values, one per trial.
 * A grid's batch of thousands of trials then costs a few bytes per value instead of a JSON object per trial.
 *
 * @param fingerprint     the cleaned series to use (workers load it by fingerprint and cache it)
 * @param sliceFrom       first bar open time of the slice (inclusive)
 * @param sliceUntil      end of the slice (exclusive)
 * @param purpose         SEARCH (a trial of the optimiser, on a train slice) or TEST (out of sample)
 * @param objective       what the score of each trial measures (net_profit, sharpe, ...)
 * @param minTrades       a trial with fewer trades gets no score
 * @param firstTrial      the number of the batch's first trial; the others follow it one by one
 * @param parameterNames  the parameters' names, in column order
 * @param parameterValues per parameter (same order) its value for every trial of the batch
 * @param detailed        true asks for every trial's full metrics and per-period returns too
 *                        ({@link BacktestResults#details()}); searches do without them
 */
public record BacktestRequest(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String jobId,
        String batchId,
        SeriesRef market,
        String fingerprint,
        int windowIndex,
        String purpose,
        Instant sliceFrom,
        Instant sliceUntil,
        String strategy,
        String objective,
        int minTrades,
        Costs costs,
        int firstTrial,
        List<String> parameterNames,
        List<double[]> parameterValues,
        boolean detailed) implements Event {

    public static final int SCHEMA_VERSION = 2;

    /** How many trials the batch holds. */
    public int trialCount() {
        return parameterValues.isEmpty() ? 0 : parameterValues.get(0).length;
    }

    /** Costs per fill (per side) as fractions of traded value, and the risk per trade as a fraction of equity. */
    public record Costs(double feePerSideFraction, double slippagePerSideFraction, double riskPerTradeFraction) {
    }
}
