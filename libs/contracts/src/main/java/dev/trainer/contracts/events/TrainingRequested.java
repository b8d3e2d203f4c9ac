package dev.trainer.contracts.events;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.trainer.contracts.Nullable;
import dev.trainer.contracts.serde.TrainingRequestedDeserializer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request to train one strategy on every combination of its pairs, exchanges and timeframes: the canonical form
 * of the plan's {@code TrainingConfig}. Topic {@code training.requests}, key {@code jobId}. Jackson also reads the
 * plan's form ({@link TrainingConfig}) into this record ({@link TrainingRequestedDeserializer}); what is written is
 * always this form.
 *
 * @param historicalPeriodMonths how much history to train on, counted back from {@code periodUntil}
 *                               (or from now) when {@code periodFrom} is not given
 * @param periodFrom             optional explicit start of the data (inclusive)
 * @param periodUntil            optional explicit end of the data (exclusive)
 * @param maxRuntimeSeconds      optional limit after which the job stops and fails
 */
@JsonDeserialize(using = TrainingRequestedDeserializer.class)
public record TrainingRequested(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String jobId,
        String userId,
        String strategy,
        List<String> pairs,
        List<String> exchanges,
        List<String> timeframes,
        Optimization optimization,
        @Nullable Validation validation,
        int historicalPeriodMonths,
        @Nullable Instant periodFrom,
        @Nullable Instant periodUntil,
        Integer maxRuntimeSeconds,
        int parallelWorkers,
        @Nullable Costs costs) implements Event {

    public static final int SCHEMA_VERSION = 1;

    /**
     * @param method         grid, random or bayesian
     * @param samples        random search: how many parameter sets
     * @param iterations     bayesian: how many evaluations
     * @param seed           makes random choices reproducible
     * @param objective      net_profit, sharpe, sortino, calmar, profit_factor or expectancy
     * @param minTrades      a parameter set with fewer trades scores minus infinity
     * @param parameterSpace parameter name to a list of values or {min, max, type}; null = the strategy's default
     */
    public record Optimization(String method, Integer samples, Integer iterations, long seed, String objective,
            int minTrades, @Nullable Map<String, Object> parameterSpace) {
    }

    /**
     * @param method          walk_forward or train_test_split
     * @param trainRatio      train_test_split: share of the data used for training, as a fraction
     */
    public record Validation(String method, Integer trainPeriodDays, Integer testPeriodDays, Integer gapPeriodDays,
            Double trainRatio) {
    }

    /** Costs per fill (per side), as fractions of the traded value. */
    public record Costs(double feePerSideFraction, double slippagePerSideFraction) {
    }

    /** Every market of the request: exchanges x pairs x timeframes. */
    public List<SeriesRef> markets() {
        return exchanges.stream()
                .flatMap(e -> pairs.stream().flatMap(p -> timeframes.stream().map(tf -> new SeriesRef(e, p, tf))))
                .toList();
    }
}
