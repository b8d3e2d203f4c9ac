package dev.trainer.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A batch of parameter sets to backtest on one slice of one cleaned series. Topic
 * {@code backtest.requests}, key {@code jobId|batchId}; consumed by the optimizer's
 * backtest workers as one consumer group.
 *
 * @param fingerprint the cleaned series to use (workers load it by fingerprint and cache it)
 * @param sliceFrom   first bar open time of the slice (inclusive)
 * @param sliceUntil  end of the slice (exclusive)
 * @param purpose     SEARCH (a trial of the optimiser, on a train slice) or TEST (out of sample)
 * @param objective   what the score of each trial measures (net_profit, sharpe, ...)
 * @param minTrades   a trial with fewer trades gets no score
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
        List<Trial> trials) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public record Trial(int trialNumber, Map<String, Double> parameters) {
    }

    /** Costs per fill (per side) as fractions of traded value, and the risk per trade as a fraction of equity. */
    public record Costs(double feePerSideFraction, double slippagePerSideFraction, double riskPerTradeFraction) {
    }
}
