package dev.trainer.contracts.events;

import dev.trainer.contracts.Nullable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan's form of a training request, its {@code TrainingConfig} interface field for field, accepted verbatim
 * wherever a {@link TrainingRequested} is (topic {@code training.requests}, {@code POST /api/training/jobs} and
 * {@code /estimate}, {@code bin/trainer estimate --request}) and read into that canonical record by
 * {@link #toRequested}. {@link dev.trainer.contracts.serde.TrainingRequestForms} tells the two forms apart.
 *
 * <p>The plan defines no identity for a request, so the envelope fields ({@code eventId}, {@code schemaVersion},
 * {@code occurredAt}, {@code jobId}, {@code userId}) may be given too and are filled when they are not.
 *
 * @param optimizationMethod grid, random or bayesian (the canonical form's other methods, sobol and cmaes, work too)
 * @param optimizationParams may be omitted: every parameter then takes its default
 * @param validationMethod   walk_forward or train_test_split
 * @param validationParams   may be omitted: every parameter then takes its default
 * @param historicalPeriodMonths default {@value #DEFAULT_HISTORICAL_PERIOD_MONTHS}
 * @param maxRuntime         seconds; none by default
 * @param parallelWorkers    default {@value #DEFAULT_PARALLEL_WORKERS}
 */
public record TrainingConfig(
        String strategy,
        List<String> pairs,
        List<String> exchanges,
        List<String> timeframes,
        String optimizationMethod,
        @Nullable OptimizationParams optimizationParams,
        String validationMethod,
        @Nullable ValidationParams validationParams,
        Integer historicalPeriodMonths,
        Integer maxRuntime,
        Integer parallelWorkers,
        @Nullable String eventId,
        Integer schemaVersion,
        @Nullable Instant occurredAt,
        @Nullable String jobId,
        @Nullable String userId) {

    /** Random search without {@code nSamples}: the plan's default. */
    public static final int DEFAULT_SAMPLES = 100;
    /** Bayesian search without {@code nIterations}: the plan's default. */
    public static final int DEFAULT_ITERATIONS = 50;
    public static final int DEFAULT_HISTORICAL_PERIOD_MONTHS = 12;
    public static final int DEFAULT_PARALLEL_WORKERS = 1;
    /** The plan's requests name no user. */
    public static final String DEFAULT_USER_ID = "anonymous";
    /** The plan optimises net profit ({@code objective='net_profit'}); the canonical form's default objective too. */
    public static final String DEFAULT_OBJECTIVE = "net_profit";
    /**
     * The plan has no seed, minimum trade count: the values a canonical request gets when it leaves them out, so that
     * the same request in either form is the same canonical record and searches the same trials.
     */
    public static final long DEFAULT_SEED = 0;
    public static final int DEFAULT_MIN_TRADES = 0;

    /**
     * @param nSamples      random search: how many parameter sets (default {@value #DEFAULT_SAMPLES}); for the
     *                      canonical form's other methods, its {@code samples}
     * @param nIterations   bayesian search: how many evaluations (default {@value #DEFAULT_ITERATIONS})
     * @param parameterGrid parameter name to its values; the strategy's own grid by default
     */
    public record OptimizationParams(Integer nSamples, Integer nIterations,
            @Nullable Map<String, List<Number>> parameterGrid) {
    }

    /** Each default is the canonical form's (and the plan's): 90, 30 and 7 days, 0.7. */
    public record ValidationParams(Integer trainPeriodDays, Integer testPeriodDays, Integer gapPeriodDays,
            Double trainRatio) {
    }

    /**
     * This request in the canonical form. Envelope fields it does not give are the fallbacks (and
     * {@value #DEFAULT_USER_ID}, schema version {@value TrainingRequested#SCHEMA_VERSION}); the other defaults are
     * the constants above. Validation parameters left out stay null: the canonical form's defaults are the plan's.
     * Nothing is checked here: the result is validated like any canonical request.
     */
    public TrainingRequested toRequested(String fallbackEventId, Instant fallbackOccurredAt, String fallbackJobId) {
        OptimizationParams o = optimizationParams != null ? optimizationParams : new OptimizationParams(null, null, null);
        String method = optimizationMethod == null ? ""
                : optimizationMethod.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        Integer samples = o.nSamples() != null ? o.nSamples() : method.equals("random") ? Integer.valueOf(DEFAULT_SAMPLES) : null;
        Integer iterations = o.nIterations() != null ? o.nIterations()
                : method.equals("bayesian") ? Integer.valueOf(DEFAULT_ITERATIONS) : null;
        Map<String, Object> space = o.parameterGrid() == null ? null : new LinkedHashMap<>(o.parameterGrid());
        ValidationParams v = validationParams != null ? validationParams : new ValidationParams(null, null, null, null);
        return new TrainingRequested(
                eventId != null ? eventId : fallbackEventId,
                schemaVersion != null ? schemaVersion : TrainingRequested.SCHEMA_VERSION,
                occurredAt != null ? occurredAt : fallbackOccurredAt,
                jobId != null ? jobId : fallbackJobId,
                userId != null ? userId : DEFAULT_USER_ID,
                strategy, pairs, exchanges, timeframes,
                new TrainingRequested.Optimization(optimizationMethod, samples, iterations, DEFAULT_SEED, DEFAULT_OBJECTIVE,
                        DEFAULT_MIN_TRADES, space),
                new TrainingRequested.Validation(validationMethod, v.trainPeriodDays(), v.testPeriodDays(), v.gapPeriodDays(),
                        v.trainRatio()),
                historicalPeriodMonths != null ? historicalPeriodMonths : DEFAULT_HISTORICAL_PERIOD_MONTHS,
                null, null,
                maxRuntime,
                parallelWorkers != null ? parallelWorkers : DEFAULT_PARALLEL_WORKERS,
                null);
    }
}
