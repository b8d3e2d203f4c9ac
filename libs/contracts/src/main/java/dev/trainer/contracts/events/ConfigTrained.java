package dev.trainer.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trained configuration with its evidence: the parameters, the in-sample and out-of-sample metrics, the
 * statistics that say whether it is skill or luck, its lifecycle stage and why. Topic {@code configs.trained},
 * key {@code configId}. {@code configId} is derived from job and market, so a redelivered or recomputed
 * event names the same configuration.
 *
 * @param v3Config    the configuration as the trading layer loads it (see docs/ARCHITECTURE.md)
 * @param statistics  p_value, z_score, stability_score, ... keyed with their units; null values carry a reason
 * @param outOfSampleDayStartsMs   the start (00:00 UTC, epoch ms) of each day of the out-of-sample stream
 * @param outOfSampleDailyReturns  the test windows' daily returns (fractions), concatenated in window order; the
 *                                 circuit breakers correlate configurations on them before live fills arrive
 */
public record ConfigTrained(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String configId,
        String jobId,
        String userId,
        String strategy,
        SeriesRef market,
        Map<String, Double> parameters,
        Map<String, Object> inSampleMetrics,
        Map<String, Object> outOfSampleMetrics,
        Map<String, Object> statistics,
        String lifecycleStage,
        List<String> stageReasons,
        String dataFingerprint,
        double qualityScore,
        String codeVersion,
        long seed,
        String optimizationMethod,
        String validationMethod,
        int trialsEvaluated,
        Map<String, Object> v3Config,
        long[] outOfSampleDayStartsMs,
        double[] outOfSampleDailyReturns) implements Event {

    public static final int SCHEMA_VERSION = 2;
}
